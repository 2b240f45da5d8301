/** Fixed-width numeric codes of the demo county (division codes, archive numbers, phones). */

/** `n` zero-padded to `width` digits. */
export const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** How many decimal digits `n` has. */
export const digitsOf = (n: number) => String(n).length;
