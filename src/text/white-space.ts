/**
 * Whether a code unit is white space as the regex `\s` reads it (and as `String.prototype.trim`
 * trims): tab, line breaks, vertical tab, form feed, space, no-break space, the Unicode spaces and
 * the BOM. (U+200B, the zero-width space, is not.)
 */
export function isWhiteSpace(c: number): boolean {
  // Most units of a plan are Han characters, above every space but the BOM: one comparison settles them.
  if (c > 0x3000) return c === 0xfeff;
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
