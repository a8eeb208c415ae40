import type { Diagnostic } from '../model/diagnostic.js';
import { TemplateSchema, type Template } from './schema.js';

/** A template read from user input, or the problems that stopped it. */
export interface LoadTemplateResult {
  template: Template | null;
  diagnostics: Diagnostic[];
}

/**
 * Validates a user's template: a parsed JSON value, or JSON text. Never throws on content: bad JSON
 * gives `input/bad-json`, every schema problem an `input/bad-model` diagnostic with its zod path
 * (`['items', 3, 'parent']`).
 *
 * @param input - JSON text or an already parsed value.
 * @param source - The file or label, carried into the diagnostics.
 * @example
 * const { template, diagnostics } = loadTemplate(await fs.readFile('gansu.json', 'utf8'), 'gansu.json');
 * if (!template) for (const d of diagnostics) console.error(d.path?.join('.'), d.message);
 */
export function loadTemplate(input: unknown, source?: string): LoadTemplateResult {
  let value = input;
  const src = source === undefined ? {} : { source };
  if (typeof input === 'string') {
    try {
      // A BOM (a file saved by Notepad, read as UTF-8) is no part of the JSON.
      value = JSON.parse(input.replace(/^\ufeff/u, ''));
    } catch (e) {
      return { template: null, diagnostics: [{ code: 'input/bad-json', severity: 'error', message: `template: ${(e as Error).message}`, ...src }] };
    }
  }
  const r = TemplateSchema.safeParse(value);
  if (r.success) return { template: r.data, diagnostics: [] };
  return {
    template: null,
    // The first 20 problems, as for plan models: a file wrong throughout is wrong in the same few ways.
    diagnostics: r.error.issues.slice(0, 20).map((i) => ({
      code: 'input/bad-model' as const,
      severity: 'error' as const,
      message: `template${i.path.length ? ` at ${i.path.map(String).join('.')}` : ''}: ${i.message}`,
      path: i.path.filter((k): k is string | number => typeof k === 'string' || typeof k === 'number'),
      ...src,
    })),
  };
}
