/**
 * Text that certainly fits on one line.
 *
 * pdfmake measures, lays out and draws a text one "word" at a time, and Chinese has a break
 * opportunity after every character: a 10-character value is 10 inlines, each with its own style
 * resolution, font measurement and text operator in the PDF. A text with `noWrap` is one inline.
 * It is set only where the text certainly fits the width it is given (an upper bound of its width,
 * below), so nothing prints differently: the same line, the same place.
 */

/** Advance widths (1/1000 em) of U+0020…U+007E in Noto Sans SC, the wider of Regular and Bold. */
const ASCII_ADVANCE = [
  227, 370, 574, 590, 590, 963, 740, 325, 378, 378, 507, 590, 325, 370, 325, 392, 590, 590, 590, 590, 590, 590, 590, 590,
  590, 590, 325, 325, 590, 590, 590, 514, 1007, 641, 681, 656, 714, 615, 585, 717, 757, 330, 568, 686, 578, 853, 749, 770,
  667, 770, 682, 624, 625, 748, 619, 915, 627, 580, 613, 378, 392, 378, 590, 567, 626, 591, 644, 527, 644, 581, 372, 597,
  640, 304, 306, 604, 315, 964, 641, 626, 644, 644, 437, 495, 421, 637, 576, 863, 562, 574, 511, 378, 296, 378, 590,
];

/** Upper bound of a character's advance in em (CJK and full-width forms are exactly 1 em). */
function maxAdvanceEm(cp: number): number {
  if (cp >= 0x20 && cp < 0x7f) return (ASCII_ADVANCE[cp - 0x20] as number) / 1000;
  if ((cp >= 0x3000 && cp < 0xfb00) || (cp >= 0xff00 && cp < 0xfff0)) return 1;
  if (cp === 0x2e3a || cp === 0x2e3b) return 2.5; // two- and three-em dashes
  return 1.08; // the widest other glyphs (Cyrillic Ю, №, ligatures) are below 1.08 em
}

/**
 * True when `text` certainly fits on one line `widthPt` wide at `fontSize` (no line breaks in it;
 * kerning only narrows these fonts' runs, 2 % + 0.5 pt are kept in reserve all the same).
 */
export function fitsOneLine(text: string, widthPt: number | undefined, fontSize: number): boolean {
  if (widthPt === undefined || !(widthPt > 0) || /[\r\n\t]/.test(text)) return false;
  const limit = (widthPt - 0.5) / 1.02 / fontSize;
  let em = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) as number;
    if (cp > 0xffff) i++;
    em += maxAdvanceEm(cp);
    if (em > limit) return false;
  }
  return true;
}

/** `{ noWrap: true }` when `text` certainly fits on one line `widthPt` wide, else nothing. */
export function oneLine(text: string, widthPt: number | undefined, fontSize: number): { noWrap?: true } {
  return fitsOneLine(text, widthPt, fontSize) ? { noWrap: true } : {};
}
