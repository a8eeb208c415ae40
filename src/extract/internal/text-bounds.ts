/** Characters that end a clause: commas, semicolons, colons, full stops and line breaks. */
const CLAUSE_STOPS = ',，;；:：。!！?？\n';
/** Characters that end a sentence. */
const SENTENCE_STOPS = ';；。!！?？\n';
/** How far a scan for a boundary goes, so that text without punctuation stays linear. */
export const MAX_SCAN = 240;

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/** A comma between digits (1,000) does not end a clause. */
function isStop(text: string, i: number, stops: string): boolean {
  const ch = text[i]!;
  if (!stops.includes(ch)) return false;
  return !(ch === ',' && isDigit(text[i - 1]) && isDigit(text[i + 1]));
}

/** Start of the clause that contains position `i` (the index after the previous stop), not before `floor`. */
export function clauseStart(text: string, i: number, floor = 0, stops = CLAUSE_STOPS): number {
  const low = Math.max(floor, i - MAX_SCAN);
  for (let k = i - 1; k >= low; k--) if (isStop(text, k, stops)) return k + 1;
  return low;
}

/** End of the clause that contains position `i` (the index of the next stop), not after `ceil`. */
export function clauseEnd(text: string, i: number, ceil = text.length, stops = CLAUSE_STOPS): number {
  const high = Math.min(ceil, i + MAX_SCAN);
  for (let k = i; k < high; k++) if (isStop(text, k, stops)) return k;
  return high;
}

export function sentenceStart(text: string, i: number, floor = 0): number {
  return clauseStart(text, i, floor, SENTENCE_STOPS);
}

export function sentenceEnd(text: string, i: number, ceil = text.length): number {
  return clauseEnd(text, i, ceil, SENTENCE_STOPS);
}

/** The clause stops, for callers that split with their own extra separators. */
export function isClauseStop(text: string, i: number, extra = ''): boolean {
  return isStop(text, i, CLAUSE_STOPS + extra);
}

/** Trims spaces and the given characters from both ends of [start, end). */
export function trimRange(text: string, start: number, end: number, chars = ' \t\n'): [number, number] {
  let s = start;
  let e = end;
  while (s < e && chars.includes(text[s]!)) s++;
  while (e > s && chars.includes(text[e - 1]!)) e--;
  return [s, e];
}
