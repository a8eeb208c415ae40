import type { Diagnostic } from '../model/index.js';
import { toOriginalSpan, type MappedText } from '../text/mapped-text.js';
import { DRAFT_MARK } from './internal/patterns.js';

/** How far from the top a draft mark counts (the title block, not a quotation in the body). */
const TOP = 400;

/**
 * Whether the plan is a draft: 征求意见稿, 送审稿, 草案, 讨论稿 … in the first lines. A draft mark
 * gives `plan/draft` (info) with its span.
 *
 * @example
 * const mt = mapIdentity('砀山县全民科学素质行动规划纲要实施方案\n(征求意见稿)\n根据…');
 * detectDraft(mt, []); // true
 */
export function detectDraft(mt: MappedText, diagnostics: Diagnostic[]): boolean {
  const m = DRAFT_MARK.exec(mt.text.slice(0, TOP));
  if (!m) return false;
  diagnostics.push({
    code: 'plan/draft',
    severity: 'info',
    message: `the plan is a draft (${m[0]})`,
    span: toOriginalSpan(mt, m.index, m.index + m[0].length),
  });
  return true;
}
