import { z } from 'zod';
import { SpanSchema } from './span.js';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/**
 * Every diagnostic code of reading and analysing one plan (the comparison of many has its own
 * `compare/*` codes, `CompareDiagnosticCodeSchema`). Codes are stable: tests and tools match on them;
 * the English messages may change.
 */
export const DiagnosticCodeSchema = z.enum([
  // input and decoding
  'input/empty',
  'input/binary',
  'input/unreadable',
  'input/too-large',
  'input/decoded-legacy-encoding',
  'input/replacement-characters',
  'input/bad-json',
  'input/bad-model',
  // noise removed or suspected
  'noise/site-chrome',
  'noise/page-markers',
  'noise/mojibake',
  'noise/markup-residue',
  // document-level reading
  'plan/not-a-plan',
  'plan/no-title',
  'plan/no-region',
  'plan/region-uncertain',
  'plan/no-period',
  'plan/period-implied',
  'plan/draft',
  'plan/truncated',
  'plan/old-template',
  // structure
  'outline/no-sections',
  'outline/numbering-gap',
  'outline/ocr-numbering',
  'outline/glued-heading',
  'outline/empty-section',
  // facts
  'target/missing',
  'target/national-figure-skipped',
  'target/ambiguous',
  'target/range',
  'target/stretch',
  'target/change',
  'target/odd-figure',
  'indicator/unit-unknown',
  // alignment and analysis
  'align/low-confidence',
  'align/template-mismatch',
  'analyze/possibly-truncated-gap',
  'analyze/year-mismatch',
]);
export type DiagnosticCode = z.infer<typeof DiagnosticCodeSchema>;

export const DiagnosticSchema = z.object({
  code: DiagnosticCodeSchema,
  severity: SeveritySchema,
  message: z.string(),
  span: SpanSchema.optional(),
  /** A path into structured input (JSON models, templates), zod style. */
  path: z.array(z.union([z.string(), z.number()])).optional(),
  /** The file or source name the diagnostic is about, when known. */
  source: z.string().optional(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
