import { z } from 'zod';
import { TemplateSchema, type Template } from './schema.js';

/** Templates already found valid: each object is checked once (the alignment keeps what it derives per object too). */
const VALID = new WeakSet<object>();

/**
 * Whether `t` is a template, checked once per object against {@link TemplateSchema}. A template
 * passed to the API that is not one (an id string, a JSON text, an object missing its aliases) is
 * misuse: the TypeError names the function, the first problem and how to load a template.
 */
export function checkTemplate(fn: string, t: unknown, what = 'template'): Template {
  if (typeof t === 'object' && t !== null && VALID.has(t)) return t as Template;
  const r = TemplateSchema.safeParse(t);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const at = issue.path.length ? ` (${issue.path.join('.')})` : '';
    const hint = typeof t === 'string' ? '; a template id or JSON text is loaded with loadTemplate, or use NATIONAL_2021 / EARLIER_2016' : '';
    throw new TypeError(`${fn}: ${what} is not a template${at}: ${issue.message}${hint}`);
  }
  VALID.add(t as object);
  return t as Template;
}

/** A template in an options schema, checked as {@link checkTemplate} does. */
export const TemplateArgSchema = z.custom<Template>((v) => {
  if (typeof v === 'object' && v !== null && VALID.has(v)) return true;
  if (!TemplateSchema.safeParse(v).success) return false;
  VALID.add(v as object);
  return true;
}, 'expected a template (TemplateSchema; load one with loadTemplate)');
