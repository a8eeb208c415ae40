import type { MeasureAlignment, Relation } from '../schema.js';
import type { HeadingMatch } from './features.js';
import type { TemplateProfile } from './template-profile.js';

/**
 * Relation from the headings: `equivalent` when each heading holds most (≥ 0.6) of the other's
 * weighted bigrams; `broader` when the local heading holds the template heading and adds more, or when
 * the content spans a second item; `narrower` when the template heading holds the local one and the
 * local adds little; otherwise `overlapping`.
 */
export function headingRelation(h: HeadingMatch | undefined, spansAnother: boolean): Relation {
  const local = h?.local ?? 0;
  const tmpl = h?.template ?? 0;
  if (spansAnother) return 'broader';
  if (local >= 0.6 && tmpl >= 0.6) return 'equivalent';
  if (tmpl >= 0.6) return 'broader';
  if (local >= 0.6) return 'narrower';
  return 'overlapping';
}

/**
 * A section's relation: the heading relation (`head`, the section heading's match with the item), corrected
 * by its measures — `broader` when a third or more of its measures land under other items' sub-items,
 * `narrower` when they reach fewer than half of the item's sub-items (with three or more sub-items and at
 * least one measure aligned).
 */
export function sectionRelation(tp: TemplateProfile, item: number, measures: readonly MeasureAlignment[], head: HeadingMatch | undefined): Relation {
  const children = tp.items[item]!.children;
  // Counted in one pass, nothing allocated: measures aligned, those under another item, and the distinct
  // sub-items of the item they reach.
  let aligned = 0;
  let elsewhere = 0;
  let inside = 0;
  for (let j = 0; j < measures.length; j++) {
    const id = measures[j]!.templateId;
    if (id === null) continue;
    aligned++;
    if (!isChildId(tp, children, id)) elsewhere++;
    else if (!seenBefore(measures, j, id)) inside++;
  }
  // Only measures aligned under another item count as elsewhere: a template without sub-items (or a
  // measure with no counterpart) says nothing about breadth.
  const lexical = headingRelation(head, false);
  if (measures.length >= 2 && elsewhere * 3 >= measures.length) return 'broader';
  if (children.length >= 3 && aligned > 0 && inside * 2 < children.length) return lexical === 'broader' ? 'overlapping' : 'narrower';
  return lexical;
}

/** Whether `id` is the id of one of `children`. */
function isChildId(tp: TemplateProfile, children: readonly number[], id: string): boolean {
  for (const c of children) if (tp.items[c]!.item.id === id) return true;
  return false;
}

/** Whether a measure before the `j`th is aligned with `id`. */
function seenBefore(measures: readonly MeasureAlignment[], j: number, id: string): boolean {
  for (let i = 0; i < j; i++) if (measures[i]!.templateId === id) return true;
  return false;
}
