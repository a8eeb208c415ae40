import type { Span } from '../model/index.js';
import { toOriginalSpan, type MappedText } from '../text/mapped-text.js';
import { findDocNumbers, type DocNumberHit } from './internal/doc-numbers.js';
import { OWN_NUMBER_LABEL } from './internal/patterns.js';

/**
 * The plan's own document number (文号) in [start, end) of `mt.text`: one labelled `文号:` / `发文字号:`,
 * else one that stands alone on its line (under the notice's title). Numbers cited in the text
 * (`根据…(国发〔2021〕9号)`) are never the plan's own. Null when there is none.
 *
 * @example
 * const mt = mapIdentity('文号:中府函〔2022〕420号 信息来源:中山市人民政府');
 * extractDocNumber(mt, 0, mt.text.length);
 * // { docNumber: '中府函〔2022〕420号', span: { start: 3, end: 16 } }
 */
export function extractDocNumber(mt: MappedText, start: number, end: number): { docNumber: string; span: Span } | null {
  if (start < 0 || end > mt.text.length || start > end) {
    throw new RangeError(`extractDocNumber: bad range ${start}-${end} for a text of ${mt.text.length}`);
  }
  const hit = findOwnDocNumber(mt.text, start, end);
  return hit ? { docNumber: hit.docNumber, span: toOriginalSpan(mt, hit.start, hit.end) } : null;
}

/** The hit that is the plan's own number, shared with extractBasis (which leaves it out). */
export function findOwnDocNumber(text: string, start: number, end: number): DocNumberHit | null {
  return ownDocNumberAmong(text, findDocNumbers(text, start, end));
}

/** The plan's own number among the numbers found in a range. */
export function ownDocNumberAmong(text: string, hits: readonly DocNumberHit[]): DocNumberHit | null {
  const labelled = hits.find((h) => OWN_NUMBER_LABEL.test(lineBefore(text, h.start)));
  if (labelled) return labelled;
  return hits.find((h) => lineBefore(text, h.start).trim() === '' && lineAfter(text, h.end).trim() === '') ?? null;
}

/** The (at most) 12 characters before `i` on its line. Only those are searched: a long line of hits stays linear. */
function lineBefore(text: string, i: number): string {
  const near = text.slice(Math.max(0, i - 12), i);
  return near.slice(near.lastIndexOf('\n') + 1);
}

/** The (at most) 12 characters from `i` on its line. */
function lineAfter(text: string, i: number): string {
  const near = text.slice(i, i + 12);
  const nl = near.indexOf('\n');
  return nl < 0 ? near : near.slice(0, nl);
}
