import { textMarks } from './text-marks.js';

/**
 * Marks the positions of `text` inside 《titles》 and inside “quotations” (per line: an unclosed quote
 * ends at the line break). Found from the bracket characters alone, as sorted runs of positions.
 */
export interface Enclosures {
  inTitle(i: number): boolean;
  inQuote(i: number): boolean;
}

const OPEN_TITLE = '《';
const CLOSE_TITLE = '》';
const OPEN_QUOTE = '“';
const CLOSE_QUOTE = '”';

export function findEnclosures(text: string): Enclosures {
  // extractRegion and extractIndicators read the same text in a row: remember the last answer.
  if (last?.text === text) {
    // (The same text as another string: kept as this one, the next look is at once; see textMarks.)
    last.text = text;
    return last.enclosures;
  }
  const enclosures = readEnclosures(text);
  last = { text, enclosures };
  return enclosures;
}

let last: { text: string; enclosures: Enclosures } | null = null;

function readEnclosures(text: string): Enclosures {
  // Runs [start, end) as flat pairs. A run opens at the mark that takes the depth from 0 to 1 and ends
  // at the mark that takes it back to 0, or at the line break (which resets both depths).
  const title: number[] = [];
  const quote: number[] = [];
  let titleDepth = 0;
  let quoteDepth = 0;
  let last = -1;
  // The first line break after `last`, found again only once `last` has passed it: searching from each
  // mark to the line's end would make a long line of open marks quadratic.
  let nl = -2;
  const closeAtLineBreak = (before: number) => {
    if (titleDepth === 0 && quoteDepth === 0) return;
    if (nl !== -1 && nl <= last) nl = text.indexOf('\n', last + 1);
    if (nl < 0 || nl >= before) return;
    if (titleDepth > 0) title.push(nl);
    if (quoteDepth > 0) quote.push(nl);
    titleDepth = 0;
    quoteDepth = 0;
  };
  for (const at of textMarks(text).quotes) {
    closeAtLineBreak(at);
    const c = text[at];
    if (c === OPEN_TITLE) {
      if (titleDepth++ === 0) title.push(at);
    } else if (c === CLOSE_TITLE) {
      if (titleDepth > 0 && --titleDepth === 0) title.push(at);
    } else if (c === OPEN_QUOTE) {
      if (quoteDepth++ === 0) quote.push(at);
    } else if (quoteDepth > 0 && --quoteDepth === 0) quote.push(at);
    last = at;
  }
  closeAtLineBreak(text.length);
  if (titleDepth > 0) title.push(text.length);
  if (quoteDepth > 0) quote.push(text.length);
  return { inTitle: (i) => inRuns(title, i), inQuote: (i) => inRuns(quote, i) };
}

/** Whether `i` is in one of the runs (flat [start, end) pairs, sorted). */
function inRuns(runs: readonly number[], i: number): boolean {
  // The number of run boundaries at or before i is odd inside a run.
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (runs[mid]! <= i) lo = mid + 1;
    else hi = mid;
  }
  return (lo & 1) === 1;
}
