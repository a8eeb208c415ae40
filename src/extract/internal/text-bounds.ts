/** Characters that end a clause: commas, semicolons, colons, full stops and line breaks. */
const CLAUSE_STOPS = ',，;；:：。!！?？\n';
/** Characters that end a sentence. */
const SENTENCE_STOPS = ';；。!！?？\n';
/** How far a scan for a boundary goes, so that text without punctuation stays linear. */
export const MAX_SCAN = 240;

/** A table over code units: 1 for the characters of `chars`. */
function tableOf(chars: string): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let k = 0; k < chars.length; k++) t[chars.charCodeAt(k)] = 1;
  return t;
}

const CLAUSE_TABLE = tableOf(CLAUSE_STOPS);
const SENTENCE_TABLE = tableOf(SENTENCE_STOPS);

/** The stop table of a string of stop characters (the two usual ones are built once). */
function tableFor(stops: string): Uint8Array {
  if (stops === CLAUSE_STOPS) return CLAUSE_TABLE;
  if (stops === SENTENCE_STOPS) return SENTENCE_TABLE;
  return tableOf(stops);
}

const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;
const COMMA = 0x2c;

/** A comma between digits (1,000) does not end a clause. */
function isStop(text: string, i: number, table: Uint8Array): boolean {
  const c = text.charCodeAt(i);
  // charCodeAt is NaN outside the text: no stop there.
  if (table[c] !== 1) return false;
  return !(c === COMMA && isDigitCode(text.charCodeAt(i - 1)) && isDigitCode(text.charCodeAt(i + 1)));
}

/** Start of the clause that contains position `i` (the index after the previous stop), not before `floor`. */
export function clauseStart(text: string, i: number, floor = 0, stops = CLAUSE_STOPS): number {
  const table = tableFor(stops);
  const low = Math.max(floor, i - MAX_SCAN);
  for (let k = i - 1; k >= low; k--) if (isStop(text, k, table)) return k + 1;
  return low;
}

/** End of the clause that contains position `i` (the index of the next stop), not after `ceil`. */
export function clauseEnd(text: string, i: number, ceil = text.length, stops = CLAUSE_STOPS): number {
  const table = tableFor(stops);
  const high = Math.min(ceil, i + MAX_SCAN);
  for (let k = i; k < high; k++) if (isStop(text, k, table)) return k;
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
  return isStop(text, i, extra === '' ? CLAUSE_TABLE : tableOf(CLAUSE_STOPS + extra));
}

/** Trims spaces and the given characters from both ends of [start, end). */
export function trimRange(text: string, start: number, end: number, chars = ' \t\n'): [number, number] {
  let s = start;
  let e = end;
  while (s < e && chars.includes(text[s]!)) s++;
  while (e > s && chars.includes(text[e - 1]!)) e--;
  return [s, e];
}
