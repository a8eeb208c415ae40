import { z } from 'zod';

/**
 * A range of UTF-16 code units in the text exactly as it was read (after decoding, before any
 * normalisation); `end` is exclusive, so `text.slice(span.start, span.end)` is the evidence.
 */
export const SpanSchema = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((s) => s.end >= s.start, { message: 'span end must not precede its start' });
export type Span = z.infer<typeof SpanSchema>;
