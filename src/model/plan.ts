import { z } from 'zod';
import { SpanSchema } from './span.js';
import { DiagnosticSchema } from './diagnostic.js';

export const LevelSchema = z.enum(['national', 'province', 'city', 'county', 'district', 'unknown']);
export type Level = z.infer<typeof LevelSchema>;

/** `>` 超过/高于, `>=` 达到/不低于/以上, `~` 左右/约, `=` a plain figure. */
export const ComparatorSchema = z.enum(['>', '>=', '~', '=']);
export type Comparator = z.infer<typeof ComparatorSchema>;

export const RegionSchema = z.object({
  /** The full name with its suffix, e.g. 兰州市, 上虞区. */
  name: z.string(),
  level: LevelSchema,
  /** GB/T 2260 code when the name was found in the gazetteer. */
  code: z.string().nullable(),
  /** Higher divisions from the gazetteer, nearest first (e.g. 绍兴市, 浙江省). */
  parents: z.array(z.string()),
  /** How the region was read: from the title, from the body, or from a short name plus 我区/我县. */
  source: z.enum(['title', 'body', 'inferred']),
  span: SpanSchema.optional(),
});
export type Region = z.infer<typeof RegionSchema>;

export const PeriodSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  /** `stated`: written as a range (2022-2025, 20222025); `implied`: only from 到2025年 / 十四五. */
  basis: z.enum(['stated', 'implied']),
  raw: z.string(),
  span: SpanSchema.optional(),
});
export type Period = z.infer<typeof PeriodSchema>;

export const BasisDocumentSchema = z.object({
  /** The title between 《》 when given. */
  title: z.string().nullable(),
  /** The document number as written, normalised: 国发〔2021〕9号. */
  docNumber: z.string().nullable(),
  /** The issuing level the number or title implies. */
  level: LevelSchema,
  /** The region the title names (安徽省, 宿州市), when it names one. */
  region: z.string().nullable(),
  raw: z.string(),
  span: SpanSchema,
});
export type BasisDocument = z.infer<typeof BasisDocumentSchema>;

export const AgencyRoleSchema = z.enum(['牵头', '责任', '配合']);
export type AgencyRole = z.infer<typeof AgencyRoleSchema>;

export const AgencySchema = z.object({
  /** The unit as written, trimmed (市教育局). */
  name: z.string(),
  role: AgencyRoleSchema,
  span: SpanSchema,
});
export type Agency = z.infer<typeof AgencySchema>;

export const TargetSchema = z.object({
  metric: z.string(),
  /** `headline`: 公民具备科学素质的比例 for the plan's end year; `baseline`: the figure reached before. */
  role: z.enum(['headline', 'baseline', 'other']),
  value: z.number(),
  unit: z.string(),
  year: z.number().int().nullable(),
  comparator: ComparatorSchema,
  /** The words that set the comparator and the tone, in reading order: ["力争","达到"], ["达到","以上"]. */
  qualifiers: z.array(z.string()),
  /** 力争 / 争取 / 努力: a goal rather than a commitment. */
  aspirational: z.boolean(),
  /** The evidence exactly as read: the text under `span`. */
  raw: z.string(),
  span: SpanSchema,
});
export type Target = z.infer<typeof TargetSchema>;

export const IndicatorSchema = z.object({
  /** What is counted, as written around the figure (培训科学类教师). */
  name: z.string(),
  value: z.number(),
  /** The unit after scaling (2万人次 → 20000 人次); 人次 is kept apart from 人. */
  unit: z.string(),
  comparator: ComparatorSchema,
  year: z.number().int().nullable(),
  /** 每年 and similar: a yearly rate rather than a total. */
  perYear: z.boolean(),
  /** The evidence exactly as read: the text under `span` (the clause that holds the figure). */
  raw: z.string(),
  span: SpanSchema,
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const MeasureSchema = z.object({
  title: z.string(),
  /** The heading exactly as it stands in the text as read (the text under `titleSpan`). */
  raw: z.string(),
  /** The numbering as written (3. / （一） / ——), or null for inline sentence headings. */
  label: z.string().nullable(),
  /** The body text after the heading, normalised. */
  body: z.string(),
  agencies: z.array(AgencySchema),
  span: SpanSchema,
  titleSpan: SpanSchema,
});
export type Measure = z.infer<typeof MeasureSchema>;

export const SectionKindSchema = z.enum(['action', 'project', 'other']);
export type SectionKind = z.infer<typeof SectionKindSchema>;

export const SectionSchema = z.object({
  kind: SectionKindSchema,
  title: z.string(),
  /** The heading exactly as it stands in the text as read (the text under `titleSpan`). */
  raw: z.string(),
  label: z.string().nullable(),
  /** Text between the heading and the first measure (任务：…, an introduction). */
  intro: z.string(),
  measures: z.array(MeasureSchema),
  /** Units named for the whole section (its 牵头单位 line, its closing note, an annex table row). */
  agencies: z.array(AgencySchema),
  span: SpanSchema,
  titleSpan: SpanSchema,
});
export type Section = z.infer<typeof SectionSchema>;

/** The parts of a plan around its actions and projects. */
export const PartKindSchema = z.enum([
  'title',
  'preamble',
  'principles',
  'goals',
  'tasks',
  'organisation',
  'annex',
  'chrome',
  'other',
]);
export type PartKind = z.infer<typeof PartKindSchema>;

export const PartSchema = z.object({
  kind: PartKindSchema,
  title: z.string(),
  span: SpanSchema,
});
export type Part = z.infer<typeof PartSchema>;

export const PlanSchema = z.object({
  /** The file name or label the plan was read from. */
  source: z.string(),
  title: z.string().nullable(),
  titleSpan: SpanSchema.optional(),
  region: RegionSchema.nullable(),
  level: LevelSchema,
  period: PeriodSchema.nullable(),
  draft: z.boolean(),
  /** The plan's own number, 中府函〔2022〕420号, when its notice is included. */
  docNumber: z.string().nullable(),
  basis: z.array(BasisDocumentSchema),
  parts: z.array(PartSchema),
  sections: z.array(SectionSchema),
  targets: z.array(TargetSchema),
  indicators: z.array(IndicatorSchema),
  /** The text stops mid-document (a preview cut, a lost page). */
  truncated: z.boolean(),
  /** Length of the text as read, in UTF-16 code units. */
  textLength: z.number().int().nonnegative(),
  diagnostics: z.array(DiagnosticSchema),
});
export type Plan = z.infer<typeof PlanSchema>;
