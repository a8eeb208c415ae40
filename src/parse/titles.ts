/** A heading or title as text: line breaks and spaces dropped, a closing 。 or ; removed. */
export function compactTitle(s: string): string {
  return s.replace(/\s+/gu, '').replace(/[。;:,]+$/u, '');
}

/** Key for comparing two headings: no numbering words, punctuation, quotes or a leading 实施. */
export function headingKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s“”"'‘’「」《》()（）、,，。.:：;；—\-]/gu, '')
    .replace(/^实施/u, '');
}

/** Two headings name the same thing (an annex row and its section, a heading and its restatement). */
export function sameHeading(a: string, b: string): boolean {
  return sameHeadingKey(headingKey(a), headingKey(b));
}

/** {@link sameHeading} on the headings' keys (for a caller that compares one heading with many). */
export function sameHeadingKey(x: string, y: string): boolean {
  return x.length > 0 && (x === y || (x.length >= 6 && y.includes(x)) || (y.length >= 6 && x.includes(y)));
}
