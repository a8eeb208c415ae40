import { z } from 'zod';
import { ComparatorSchema } from '../model/plan.js';

/**
 * What a template item is: one of the outline's 提升行动 (`action`), one of its 重点工程 (`project`),
 * or a part of 组织实施 (`org`). A sub-item has the kind of its parent.
 */
export const TemplateItemKindSchema = z.enum(['action', 'project', 'org']);
export type TemplateItemKind = z.infer<typeof TemplateItemKindSchema>;

/** One heading of a template: an action or project (parent `null`) or one of its sub-items. */
export const TemplateItemSchema = z.object({
  /** Stable ASCII id used in reports (`youth`, `youth.spirit`, `org.leadership`). */
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/u, 'ids are lower-case ASCII with . and -'),
  /** The heading as the template writes it. */
  title: z.string().min(1),
  kind: TemplateItemKindSchema,
  /** The id of the item this one sits under, or null for a top-level item. */
  parent: z.string().nullable(),
  /** Other headings that name the same thing (renamings seen in local plans, older wording). */
  aliases: z.array(z.string().min(1)),
  /**
   * Phrases whose presence in a heading or body points at this item (our own reading of the
   * template's text, not its wording verbatim). Two characters at least; matched after normalisation.
   */
  keywords: z.array(z.string().min(2)),
});
export type TemplateItem = z.infer<typeof TemplateItemSchema>;

/** A quantified target of the template: 公民具备科学素质的比例 超过15% in 2025. */
export const TemplateTargetSchema = z.object({
  metric: z.string().min(1),
  year: z.number().int(),
  /** Percent. */
  value: z.number(),
  comparator: ComparatorSchema,
});
export type TemplateTarget = z.infer<typeof TemplateTargetSchema>;

/** The figure the template starts from (10.56% in 2020). */
export const TemplateBaselineSchema = z.object({
  metric: z.string().min(1),
  year: z.number().int(),
  value: z.number(),
});
export type TemplateBaseline = z.infer<typeof TemplateBaselineSchema>;

const TemplateObjectSchema = z.object({
  /** Stable id (`national-2021`). */
  id: z.string().min(1),
  title: z.string().min(1),
  period: z.object({ start: z.number().int(), end: z.number().int() }),
  /** Document numbers the template rests on (国发〔2021〕9号). */
  basis: z.array(z.string().min(1, 'a basis document is named, not empty')),
  items: z.array(TemplateItemSchema).min(1),
  targets: z.array(TemplateTargetSchema),
  baseline: TemplateBaselineSchema.nullable(),
});

/**
 * A template that plans are compared against: the national outline, the earlier outline, or a
 * provincial plan used for its cities. Ids are unique, parents exist and are top-level, a sub-item
 * has its parent's kind, and the period runs forwards. A template object is read as immutable: what
 * the alignment derives from it is kept per object, so change a template by making a new one
 * (`loadTemplate`, `structuredClone`), never by editing one in use — least of all a built-in one.
 */
export const TemplateSchema = TemplateObjectSchema.superRefine((t, ctx) => {
  if (t.period.end < t.period.start) {
    ctx.addIssue({ code: 'custom', message: 'period ends before it starts', path: ['period', 'end'] });
  }
  const byId = new Map<string, TemplateItem>();
  t.items.forEach((item, i) => {
    if (byId.has(item.id)) ctx.addIssue({ code: 'custom', message: `duplicate id ${item.id}`, path: ['items', i, 'id'] });
    byId.set(item.id, item);
  });
  t.items.forEach((item, i) => {
    if (item.parent === null) return;
    const parent = byId.get(item.parent);
    if (!parent) {
      ctx.addIssue({ code: 'custom', message: `unknown parent ${item.parent}`, path: ['items', i, 'parent'] });
    } else if (parent.parent !== null) {
      ctx.addIssue({ code: 'custom', message: `parent ${item.parent} is itself a sub-item`, path: ['items', i, 'parent'] });
    } else if (parent.kind !== item.kind) {
      ctx.addIssue({ code: 'custom', message: `kind ${item.kind} differs from its parent's ${parent.kind}`, path: ['items', i, 'kind'] });
    }
  });
});
export type Template = z.infer<typeof TemplateSchema>;
