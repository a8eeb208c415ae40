import type { Diagnostic } from '../model/diagnostic.js';
import { PlanSchema, type Plan } from '../model/plan.js';
import { parsePlan, ParsePlanOptionsSchema, type ParsePlanOptions } from '../parse/parse-plan.js';
import { checkOptions } from '../model/check-options.js';
import { decodeBytes } from '../text/decode-bytes.js';
import { readDocx, readHtmlBytes } from './formats/index.js';

/** What loading one input gave: the plan, or null with the diagnostics that say why. */
export interface LoadResult {
  source: string;
  plan: Plan | null;
  /** The text as read (after decoding), when the input was text; spans point into it. */
  text: string | null;
  diagnostics: Diagnostic[];
}

/** Options of the loaders: those of `parsePlan` but `source`, which the loaders take as an argument. */
export type LoadOptions = Omit<ParsePlanOptions, 'source'>;

/** {@link LoadOptions} as a schema (what the loaders check their options against). */
export const LoadOptionsSchema = ParsePlanOptionsSchema.omit({ source: true });

/** Largest input read as one plan (a plan is 10–100 KB; 50 MB is not a plan). */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

/**
 * Loads a plan from a file's bytes: a JSON model (validated against the schema) when the name ends in
 * `.json` or the bytes start with `{`, else text in UTF-8, UTF-16 or GB18030, parsed. Never throws on
 * content: an empty, binary, oversized or malformed input gives `plan: null` and an error diagnostic
 * naming the source.
 *
 * @example
 * const r = loadPlanFromBytes(bytes, 'seeds/lanzhou.txt');
 * if (r.plan) console.log(r.plan.region?.name);
 */
export function loadPlanFromBytes(bytes: Uint8Array, source: string, options: LoadOptions = {}): LoadResult {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('loadPlanFromBytes: bytes must be a Uint8Array');
  checkOptions('loadPlanFromBytes', LoadOptionsSchema, options);
  if (bytes.length > MAX_INPUT_BYTES) return tooLarge(source, bytes.length);
  if (isHtml(bytes, source)) {
    const html = readHtmlBytes(bytes, source);
    if (html.diagnostics.some((d) => d.severity === 'error')) return { source, plan: null, text: null, diagnostics: named(source, html.diagnostics) };
    const r = loadPlanFromText(html.text, source, options);
    return { ...r, diagnostics: [...html.diagnostics, ...r.diagnostics] };
  }
  if (isWord(bytes, source)) {
    return fail(source, null, 'input/unreadable', `${source}: a Word file needs the asynchronous loader (loadPlan)`);
  }
  const decoded = decodeBytes(bytes, source);
  if (decoded.text === null) {
    return { source, plan: null, text: null, diagnostics: decoded.diagnostics.map((d) => ({ ...d, message: `${source}: ${d.message}` })) };
  }
  // A JSON model: by name, or a text that opens an object and parses as JSON (a plan text may start
  // with `[bookmark…]` or `{附件}`); never a file named as text.
  const jsonName = /\.json$/iu.test(source);
  if (jsonName || (!/\.(txt|text)$/iu.test(source) && /^\ufeff?\s*\{/u.test(decoded.text.slice(0, 64)))) {
    const r = loadPlanFromJson(decoded.text, source);
    if (jsonName || !r.diagnostics.some((d) => d.code === 'input/bad-json')) return { ...r, diagnostics: [...decoded.diagnostics, ...r.diagnostics] };
  }
  const r = loadPlanFromText(decoded.text, source, options);
  return { ...r, diagnostics: [...decoded.diagnostics, ...r.diagnostics] };
}

/**
 * Loads a plan from a file's bytes, whatever its format: Word (.docx), HTML, a JSON model, or text.
 * The `text` of the result is the text the spans point into (for Word and HTML, the extracted text).
 *
 * @example
 * const r = await loadPlan(await readFile('plan.docx'), 'plan.docx');
 */
export async function loadPlan(bytes: Uint8Array, source: string, options: LoadOptions = {}): Promise<LoadResult> {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('loadPlan: bytes must be a Uint8Array');
  checkOptions('loadPlan', LoadOptionsSchema, options);
  if (!isWord(bytes, source) || bytes.length > MAX_INPUT_BYTES) return loadPlanFromBytes(bytes, source, options);
  const doc = await readDocx(bytes, source);
  if (doc.text === null) return { source, plan: null, text: null, diagnostics: named(source, doc.diagnostics) };
  const r = loadPlanFromText(doc.text, source, options);
  return { ...r, diagnostics: [...doc.diagnostics, ...r.diagnostics] };
}

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

/** A Word document: .docx/.doc/.wps by name, or a zip / OLE container by signature. */
function isWord(bytes: Uint8Array, source: string): boolean {
  return /\.(docx?|wps)$/iu.test(source) || startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]);
}

/** An HTML page: by name, or by its first tag. */
function isHtml(bytes: Uint8Array, source: string): boolean {
  if (/\.(s?html?|xhtml)$/iu.test(source)) return true;
  // The first 256 bytes read as Latin-1, up to eight characters before a `<` skipped, compared without
  // case: on the bytes directly (only `<` decodes to `<`, only A–Z lower-case to a–z).
  let k = 0;
  while (k < 8 && k < bytes.length && bytes[k] !== LT) k++;
  return startsWithLower(bytes, k, '<!doctype html') || startsWithLower(bytes, k, '<html');
}

const LT = 0x3c;

/** Whether the ASCII `word` (lower case) starts at byte `at`, the bytes taken without case. */
function startsWithLower(bytes: Uint8Array, at: number, word: string): boolean {
  if (at + word.length > Math.min(bytes.length, 256)) return false;
  for (let i = 0; i < word.length; i++) {
    let b = bytes[at + i]!;
    if (b >= 0x41 && b <= 0x5a) b += 0x20;
    if (b !== word.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Parses a plan from text already decoded. An empty or blank text gives an `input/empty` error.
 *
 * @example
 * loadPlanFromText('砀山县全民科学素质行动规划纲要实施方案…', 'dangshan.txt').plan?.level; // 'county'
 */
export function loadPlanFromText(text: string, source: string, options: LoadOptions = {}): LoadResult {
  if (typeof text !== 'string') throw new TypeError('loadPlanFromText: text must be a string');
  checkOptions('loadPlanFromText', LoadOptionsSchema, options);
  if (text.trim() === '') return fail(source, text, 'input/empty', `${source}: the file has no text`);
  const plan = parsePlan(text, { ...options, source });
  return { source, plan, text, diagnostics: [] };
}

/**
 * Reads a plan model saved as JSON (what `parsePlan` returns), validated against `PlanSchema`; each
 * problem is reported with its path into the data.
 *
 * @example
 * loadPlanFromJson('{"source": 1}', 'bad.json').diagnostics[0]?.code; // 'input/bad-model'
 */
export function loadPlanFromJson(json: string, source: string): LoadResult {
  if (typeof json !== 'string') throw new TypeError('loadPlanFromJson: json must be a string (JSON text)');
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\ufeff/u, ''));
  } catch (e) {
    return fail(source, null, 'input/bad-json', `${source}: not valid JSON (${(e as Error).message})`);
  }
  const shape = otherShape(data);
  if (shape) return fail(source, null, 'input/bad-model', `${source}: this is ${shape}, not a plan model`);
  const parsed = PlanSchema.safeParse(data);
  if (!parsed.success) {
    const diagnostics: Diagnostic[] = parsed.error.issues.slice(0, 20).map((i) => ({
      code: 'input/bad-model',
      severity: 'error',
      message: `${source}: ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`,
      path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
      source,
    }));
    return { source, plan: null, text: null, diagnostics };
  }
  const problems = modelProblems(parsed.data).slice(0, 20);
  if (problems.length > 0) {
    const diagnostics: Diagnostic[] = problems.map(({ path, message }) => ({
      code: 'input/bad-model',
      severity: 'error',
      message: `${source}: ${path.join('.')}: ${message}`,
      path,
      source,
    }));
    return { source, plan: null, text: null, diagnostics };
  }
  return { source, plan: parsed.data, text: null, diagnostics: [] };
}

/** The earliest and latest years a plan may name (what the parser reads: 19xx, 20xx): the schema takes any integer. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2099;

/**
 * What the schema cannot say of a model: spans outside the text it was read from, a period that runs
 * backwards or years outside 1900–2099 (what the parser reads), a negative figure. A model
 * written by hand or by another tool gets these checked before anything is computed from it.
 */
function modelProblems(plan: Plan): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const n = plan.textLength;
  const year = (y: number | null | undefined, path: (string | number)[]) => {
    if (y !== null && y !== undefined && (y < FIRST_YEAR || y > LAST_YEAR)) out.push({ path, message: `year ${y} is outside ${FIRST_YEAR}–${LAST_YEAR}` });
  };
  if (plan.period) {
    year(plan.period.start, ['period', 'start']);
    year(plan.period.end, ['period', 'end']);
    if (plan.period.start > plan.period.end) out.push({ path: ['period'], message: `the period runs backwards (${plan.period.start}–${plan.period.end})` });
  }
  for (const [list, key] of [[plan.targets, 'targets'], [plan.indicators, 'indicators']] as const) {
    list.forEach((t, i) => {
      year(t.year, [key, i, 'year']);
      if (t.value < 0) out.push({ path: [key, i, 'value'], message: `a negative figure (${t.value})` });
    });
  }
  // Every span in the model (span, titleSpan …), wherever it is.
  const walk = (v: unknown, path: (string | number)[]): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) {
        if (/span$/iu.test(k) && typeof x === 'object' && x !== null && 'start' in x && 'end' in x) {
          const { start, end } = x as { start: number; end: number };
          if (!(start >= 0 && start <= end && end <= n)) out.push({ path: [...path, k], message: `span ${start}–${end} is outside the text (${n} characters)` });
        } else walk(x, [...path, k]);
      }
    }
  };
  walk(plan, []);
  return out;
}

/** What a JSON value is when it is one of gangyao's other documents rather than a plan. */
function otherShape(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const o = data as Record<string, unknown>;
  if (Array.isArray(o['plans']) && 'schemaVersion' in o) return 'an analysis report (gangyao analyze --format json); its plans are already analysed';
  if ('matrix' in o && 'targets' in o && 'schemaVersion' in o) return 'a comparison report (gangyao compare --format json)';
  if (Array.isArray(o['items']) && 'period' in o && !('sections' in o)) return 'a template: pass it with --template';
  return null;
}

/** Error messages name their file: they are what a user reads first. */
function named(source: string, ds: readonly Diagnostic[]): Diagnostic[] {
  return ds.map((d) => (d.severity === 'error' && !d.message.startsWith(`${source}:`) ? { ...d, message: `${source}: ${d.message}`, source } : { ...d, source }));
}

/**
 * The result for an input larger than {@link MAX_INPUT_BYTES}: `size` in bytes when known, null when
 * the input was a stream that went on past the limit.
 */
export function tooLarge(source: string, size: number | null): LoadResult {
  const what = size === null ? 'more than the' : `${(size / 1048576).toFixed(1)} MB is larger than the`;
  return fail(source, null, 'input/too-large', `${source}: ${what} ${MAX_INPUT_BYTES / 1048576} MB a plan may have`);
}

/** The result for an input that could not be read: the reason in words for the common error codes, else the error's message. */
export function unreadable(source: string, e: unknown): LoadResult {
  const err = e as { code?: string; message?: string };
  const reason =
    err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'it is a directory' : err.code === 'EACCES' ? 'permission denied' : String(err.message ?? e);
  return fail(source, null, 'input/unreadable', `${source}: ${reason}`);
}

function fail(source: string, text: string | null, code: Diagnostic['code'], message: string): LoadResult {
  return { source, plan: null, text, diagnostics: [{ code, severity: 'error', message, source }] };
}
