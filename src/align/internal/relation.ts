import type { MeasureAlignment, Relation } from '../schema.js';
import type { HeadingMatch } from './features.js';
import type { SectionView } from './scoring.js';
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
 * A section's relation: the heading relation, corrected by its measures — `broader` when a third or
 * more of its measures land under other items' sub-items, `narrower` when they reach fewer than half of the item's
 * sub-items (with three or more sub-items and at least one measure aligned).
 */
export function sectionRelation(tp: TemplateProfile, v: SectionView, item: number, measures: MeasureAlignment[]): Relation {
  const children = tp.items[item]!.children.map((c) => tp.items[c]!.item.id);
  const aligned = measures.filter((m) => m.templateId !== null);
  const inside = new Set(aligned.filter((m) => children.includes(m.templateId!)).map((m) => m.templateId));
  // Only measures aligned under another item count as elsewhere: a template without sub-items (or a
  // measure with no counterpart) says nothing about breadth.
  const elsewhere = aligned.filter((m) => !children.includes(m.templateId!)).length;
  const lexical = headingRelation(v.heads.get(item), false);
  if (measures.length >= 2 && elsewhere * 3 >= measures.length) return 'broader';
  if (children.length >= 3 && aligned.length > 0 && inside.size * 2 < children.length) return lexical === 'broader' ? 'overlapping' : 'narrower';
  return lexical;
}

