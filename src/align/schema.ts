import { z } from 'zod';
import { DiagnosticSchema } from '../model/diagnostic.js';
import { SpanSchema } from '../model/span.js';

/**
 * How a plan's section or measure relates to the template item it is aligned with — a crosswalk
 * vocabulary in the spirit of NIST OLIR's set-theory relationships:
 *
 * | relation      | meaning                                                                                  |
 * |---------------|------------------------------------------------------------------------------------------|
 * | `equivalent`  | the same thing: the headings match both ways (most of each heading's weighted bigrams    |
 * |               | are in the other), and the content does not run mostly elsewhere                         |
 * | `narrower`    | a part of the template item: the local heading is contained in the template heading but   |
 * |               | adds little of its own, or a section whose measures touch only a few of the item's        |
 * |               | sub-items                                                                                 |
 * | `broader`     | the template item and more: the local heading contains the template heading and adds      |
 * |               | other matter, or the content also lands squarely on other items (a measure scoring almost |
 * |               | as well on a second item; a section with many measures on other items' sub-items)         |
 * | `overlapping` | related but neither contains the other: a renamed heading recognised by its keywords,     |
 * |               | body text and measures (兰州 服务机制重构工程 → grassroots)                                  |
 * | `none`        | no counterpart in the template (a local extra); `templateId` is null                      |
 */
export const RelationSchema = z.enum(['equivalent', 'narrower', 'broader', 'overlapping', 'none']);
export type Relation = z.infer<typeof RelationSchema>;

/** Where a piece of evidence was found. */
export const EvidenceSourceSchema = z.enum(['title', 'intro', 'body', 'measures']);
export type EvidenceSource = z.infer<typeof EvidenceSourceSchema>;

/** A phrase that supported an alignment. */
export const EvidenceSchema = z.object({
  /** The phrase as matched (normalised: simplified script, no punctuation). */
  phrase: z.string(),
  /** The template item the phrase points at. */
  templateId: z.string(),
  source: EvidenceSourceSchema,
  /** What kind of phrase: a shared stretch of heading, a listed keyword, or a whole template heading/alias. */
  kind: z.enum(['heading', 'keyword', 'alias']),
  /**
   * Where the phrase is in the text as read, when it can be located safely: normalising
   * `text.slice(span.start, span.end)` yields the phrase. Omitted when it cannot be located.
   */
  span: SpanSchema.optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** How one measure of a section was aligned. */
export const MeasureAlignmentSchema = z.object({
  /** Index of the measure in its section's `measures`. */
  index: z.number().int().nonnegative(),
  title: z.string(),
  /** A sub-item id, or null for no counterpart. */
  templateId: z.string().nullable(),
  relation: RelationSchema,
  confidence: z.number().min(0).max(1),
  /** The sub-item is not under the item its section was aligned with (its content says so). */
  crossSection: z.boolean(),
  evidence: z.array(EvidenceSchema),
});
export type MeasureAlignment = z.infer<typeof MeasureAlignmentSchema>;

/** How one section (action or project) of a plan was aligned. */
export const SectionAlignmentSchema = z.object({
  /** Index of the section in `plan.sections`. */
  index: z.number().int().nonnegative(),
  title: z.string(),
  /** A top-level template item id, or null for a local extra. */
  templateId: z.string().nullable(),
  relation: RelationSchema,
  confidence: z.number().min(0).max(1),
  evidence: z.array(EvidenceSchema),
  measures: z.array(MeasureAlignmentSchema),
});
export type SectionAlignment = z.infer<typeof SectionAlignmentSchema>;

/** The alignment of a plan with a template: one entry per section, in the plan's order. */
export const PlanAlignmentSchema = z.object({
  templateId: z.string(),
  sections: z.array(SectionAlignmentSchema),
  diagnostics: z.array(DiagnosticSchema),
});
export type PlanAlignment = z.infer<typeof PlanAlignmentSchema>;
