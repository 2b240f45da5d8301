/** Text inside spreadsheet XML: entities, Excel's _xHHHH_ escapes, attributes and string items. */

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML entities (&amp; &#x4E2D; &#20013;) and Excel's _x000D_ escapes, resolved. */
export function decode(s: string): string {
  if (s.indexOf('&') < 0 && s.indexOf('_x') < 0) return s;
  return s
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
        // No such character: keep the text as written rather than fail the whole file.
        return code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e] ?? m;
    })
    .replace(/_x([0-9a-f]{4})_/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The value of attribute `name` in a tag's attribute text. */
export function attr(attrs: string, name: string): string | undefined {
  const key = ` ${name}="`;
  const i = attrs.indexOf(key);
  if (i < 0) return undefined;
  const start = i + key.length;
  return attrs.slice(start, attrs.indexOf('"', start));
}

/** The text of a string item (<si> or <is>): its <t> runs, leaving out phonetic guides (<rPh>). */
export function textOf(xml: string): string {
  const body = xml.indexOf('<rPh') >= 0 ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let out = '';
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += m[1];
  return decode(out);
}
