/**
 * The shared-string table (xl/sharedStrings.xml), read from its bytes: a roster's table holds
 * hundreds of thousands of items (every ID number, name and phone), so decoding the whole part
 * into one string and slicing it cost more than decoding each item alone. A plain item
 * (<si><t>…</t></si>) is decoded directly — as Latin-1 when it is ASCII; rich text (<r> runs),
 * phonetic guides and anything unusual go through textOf.
 */
import { decode, textOf } from './xmlText';

const SI = Buffer.from('<si');
const SI_END = Buffer.from('</si>');
const T_END = Buffer.from('</t>');
const GT = 62;
const SLASH = 47;

function isAsciiRange(b: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (b[i]! >= 0x80) return false;
  return true;
}

export function readSharedStrings(b: Buffer | undefined): string[] {
  const out: string[] = [];
  if (!b) return out;
  let i = b.indexOf(SI);
  while (i >= 0) {
    const after = b[i + 3];
    if (after !== GT && after !== SLASH && after !== 32) {
      i = b.indexOf(SI, i + 3);
      continue;
    }
    const tagEnd: number = b.indexOf(GT, i);
    if (tagEnd < 0) break;
    if (b[tagEnd - 1] === SLASH) {
      out.push('');
      i = b.indexOf(SI, tagEnd);
      continue;
    }
    const end: number = b.indexOf(SI_END, tagEnd);
    if (end < 0) break;
    // Plain: <t> or <t attrs> right after <si>, and its </t> right before </si>.
    const t = tagEnd + 1;
    const plain = b[t] === 60 && b[t + 1] === 116 && (b[t + 2] === GT || b[t + 2] === 32 || b[t + 2] === SLASH)
      && end >= 4 && b[end - 4] === 60 && b[end - 3] === SLASH && b[end - 2] === 116 && b[end - 1] === GT;
    if (plain) {
      const open = b.indexOf(GT, t);
      if (b[open - 1] === SLASH) out.push('');
      else {
        const textEnd = end - 4;
        // A second <t> inside means runs after all.
        if (b.indexOf(T_END, open) !== textEnd) out.push(textOf(b.toString('utf8', t, end)));
        else out.push(decode(b.toString(isAsciiRange(b, open + 1, textEnd) ? 'latin1' : 'utf8', open + 1, textEnd)));
      }
    } else out.push(textOf(b.toString('utf8', t, end)));
    i = b.indexOf(SI, end + 5);
  }
  return out;
}
