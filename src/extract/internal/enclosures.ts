/**
 * Marks the positions of `text` inside 《titles》 and inside “quotations” (per line: an unclosed quote
 * ends at the line break). One linear pass.
 */
export interface Enclosures {
  inTitle(i: number): boolean;
  inQuote(i: number): boolean;
}

const NEWLINE = 10;
const OPEN_TITLE = 0x300a; // 《
const CLOSE_TITLE = 0x300b; // 》
const OPEN_QUOTE = 0x201c; // “
const CLOSE_QUOTE = 0x201d; // ”

export function findEnclosures(text: string): Enclosures {
  const title = new Uint8Array(text.length);
  const quote = new Uint8Array(text.length);
  let titleDepth = 0;
  let quoteDepth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      titleDepth = 0;
      quoteDepth = 0;
      continue;
    }
    if (c === OPEN_TITLE) titleDepth++;
    else if (c === CLOSE_TITLE && titleDepth > 0) titleDepth--;
    else if (c === OPEN_QUOTE) quoteDepth++;
    else if (c === CLOSE_QUOTE && quoteDepth > 0) quoteDepth--;
    if (titleDepth > 0) title[i] = 1;
    if (quoteDepth > 0) quote[i] = 1;
  }
  return { inTitle: (i) => title[i] === 1, inQuote: (i) => quote[i] === 1 };
}
