/** Opening brackets that nest in lists of units and notes: ( [ （ 【 ［. */
export function isOpenBracket(c: number): boolean {
  return c === 0x28 || c === 0x5b || c === 0xff08 || c === 0x3010 || c === 0xff3b;
}

/** Closing brackets: ) ] ） 】 ］. */
export function isCloseBracket(c: number): boolean {
  return c === 0x29 || c === 0x5d || c === 0xff09 || c === 0x3011 || c === 0xff3d;
}

/** Horizontal and vertical white space, including the ideographic space and U+2000–U+200B. */
export function isSpaceCode(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b);
}

/** A set of separator characters (and, with `spaces`, the space codes) as a code test, by table. */
export function codeSet(chars: string, spaces = false): (code: number) => boolean {
  const table = new Uint8Array(0x10000);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  if (spaces) for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c)) table[c] = 1;
  return (c) => table[c] === 1;
}

/**
 * Where the piece of [from, end) that starts at `from` ends, when the text is split at separators
 * outside brackets (`县自然资源和规划局(林业局)、各镇(园区)` is two pieces): the next separator outside
 * brackets, or `end`. The pieces in a row, without an array of them:
 * `for (let from = start; ; from = cut + 1) { const cut = nextCut(…); …; if (cut >= end) break; }`.
 * (The depth is 0 at every cut, so each piece's scan starts as the whole scan would be there.)
 */
export function nextCut(text: string, from: number, end: number, isSeparator: (code: number) => boolean): number {
  let depth = 0;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isOpenBracket(c)) depth++;
    else if (isCloseBracket(c)) {
      if (depth > 0) depth--;
    } else if (depth === 0 && isSeparator(c)) return i;
  }
  return end;
}
