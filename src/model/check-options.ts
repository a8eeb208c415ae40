import { z } from 'zod';

/**
 * API misuse is a TypeError naming the function and what is wrong: options are checked against their
 * schema at the public entry points (unknown keys included, so a misspelt option is not ignored), and
 * the caller's own object is used as given (a checked copy would lose its identity).
 *
 * @example
 * checkOptions('renderHtml', RenderHtmlOptionsSchema, { maxEvidence: -1 }); // TypeError: renderHtml: options.maxEvidence: …
 */
export function checkOptions<T>(fn: string, schema: z.ZodType<T>, value: unknown): T {
  if (value === undefined) return {} as T;
  const r = schema.safeParse(value);
  if (r.success) return value as T;
  const issue = r.error.issues[0]!;
  const at = issue.path.length ? `options.${issue.path.join('.')}` : 'options';
  throw new TypeError(`${fn}: ${at}: ${issue.message}`);
}

/** A function (a hook such as a text pass), for option schemas. */
export const FunctionSchema = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'expected a function');
