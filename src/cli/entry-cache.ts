/**
 * `--cache DIR`: what a batch made of each file, kept between runs, so that re-running a batch after
 * correcting a few of its plans reads, parses and analyses only those — for `analyze` (the report
 * entries) and for `compare` (the entries, the texts and the models the comparisons read). A value is
 * found by a key made of everything it depends on — the running gangyao's code, the template asked for,
 * what the batch keeps of a file (evidence, texts, models …), the input's name as given and its bytes —
 * so a stale value is never found: a changed plan, template or gangyao gives another key. Each file's
 * model (its load, {@link CachedLoad}) is kept apart by the code, the name and the bytes alone
 * ({@link loadKeyParts}), and the comparisons with parents by the two files' load keys. The store
 * itself (files, hashing, the values' encoding) is the host's (file-cache.ts); this module only says
 * what goes into a key and what a value holds, and runs wherever the CLI runs.
 */
import type { ReportPlanDigest } from '../analyze/report-json.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Span } from '../model/span.js';
import type { Template } from '../template/schema.js';
import type { BatchWant } from './run.js';
import { keepsModel } from './batch.js';

/** A store of cached values, by key (see {@link entryKeyParts}, {@link loadKeyParts}). */
export interface EntryCache {
  /**
   * The key of these parts: a hash of them with the identity of the running gangyao (its code), so
   * that values made by another version or build are never found.
   */
  key(parts: readonly (string | Uint8Array)[]): string;
  /** The value kept under `key` (as it was put: objects, strings, byte arrays), or null. */
  get(key: string): unknown;
  /** Keeps `value` under `key`; returns why it could not (the CLI says so once and goes on), else null. */
  put(key: string, value: unknown): string | null;
  /**
   * An object as bytes, the way the host's threads send objects to each other (`node:v8`'s
   * serialisation): a value keeps the large parts of a file packed, so that a worker that finds them
   * passes them on to the main thread as they are, without making the objects first.
   */
  pack(value: unknown): Uint8Array;
  /** The object of {@link pack}'s bytes (throws on bytes that are not such). */
  unpack(bytes: Uint8Array): unknown;
}

/** Bumped when what a cached value holds changes. */
const LAYOUT = 'gangyao-entry-cache/4';

/** What a value keeps of one file: what the batch asked for (see {@link keptParts}), else null. */
export interface CachedFile {
  layout: typeof LAYOUT;
  /** Whether the file gave a plan model. */
  read: boolean;
  digest: ReportPlanDigest;
  /** The report entry's JSON line, UTF-8. */
  json: Uint8Array | null;
  /** The report entry ({@link EntryCache.pack}ed: a `ReportPlan`) … */
  entry: Uint8Array | null;
  /** … and its sections' spans (what measuring reuse reads of it, without unpacking it). */
  spans: Span[] | null;
  /** The text as read. */
  text: string | null;
  /** The plan model (packed: a `Plan`). */
  model: Uint8Array | null;
  /** What comparisons with parent plans read of the model (`parentComparisonModel`; packed: a `Plan`). */
  parentModel: Uint8Array | null;
  /** The key of the file's {@link CachedLoad} (which its comparisons with parents are kept by). */
  loadKey: string;
}

/** The parts of a {@link CachedFile} a batch wanting `want` keeps. */
export function keptParts(want: BatchWant): { json: boolean; entry: boolean; text: boolean; model: boolean; parentModel: boolean } {
  return {
    json: want.json,
    // The sections cut for measuring reuse come from the entry's spans in the text (else from the model).
    entry: want.entries || want.reuse,
    text: want.texts || want.reuse,
    // The model only where the batch keeps it (see `keepsModel`): for a file read without a text.
    model: want.plans || want.reuse,
    parentModel: want.parents || want.reuse,
  };
}

/**
 * What a file's value depends on besides the code: the template asked for (null: chosen per plan), what
 * the batch keeps of it (evidence, texts, models …), the name as given and the bytes.
 */
export function entryKeyParts(template: Template | null, want: BatchWant, source: string, bytes: Uint8Array): (string | Uint8Array)[] {
  const kept = keptParts(want);
  const what = Object.entries({ ...kept, evidence: want.evidence })
    .map(([k, v]) => `${k}:${v ? 1 : 0}`)
    .join(' ');
  return [LAYOUT, template === null ? '' : JSON.stringify(template), what, source, bytes];
}

/** The value kept for a file (the parts `want` does not keep left null). */
export function cachedFile(file: Omit<CachedFile, 'layout'>, want: BatchWant): CachedFile {
  const kept = keptParts(want);
  return {
    layout: LAYOUT,
    read: file.read,
    digest: file.digest,
    json: kept.json ? file.json : null,
    entry: kept.entry ? file.entry : null,
    spans: kept.entry ? file.spans : null,
    text: kept.text ? file.text : null,
    model: kept.model ? file.model : null,
    parentModel: kept.parentModel ? file.parentModel : null,
    loadKey: file.loadKey,
  };
}

/**
 * A value read back, checked: null when it is not a {@link CachedFile} with the parts `want` needs (a
 * value of another layout, or damaged, is a miss and made anew).
 */
export function readCachedFile(value: unknown, want: BatchWant): CachedFile | null {
  if (value === null || typeof value !== 'object') return null;
  const v = value as Partial<CachedFile>;
  const d = v.digest;
  if (v.layout !== LAYOUT || typeof v.read !== 'boolean' || !d || typeof d.errors !== 'number' || typeof d.warnings !== 'number' || d.template === undefined) return null;
  const kept = keptParts(want);
  if (kept.json && !(v.json instanceof Uint8Array && v.json[0] === 0x7b)) return null;
  if (kept.entry && !(v.entry instanceof Uint8Array && Array.isArray(v.spans))) return null;
  // A file that gave no plan has no text, and neither has a saved plan model (.json): its model is kept
  // instead (checked below), else it would be missed, made and kept anew on every run.
  if (kept.text && !(typeof v.text === 'string' || v.text === null)) return null;
  if (v.read && keepsModel(want, v.text !== null) && !(v.model instanceof Uint8Array)) return null;
  if (v.read && kept.parentModel && !(v.parentModel instanceof Uint8Array)) return null;
  if (typeof v.loadKey !== 'string' || !/^[0-9a-f]{64}$/u.test(v.loadKey)) return null;
  return v as CachedFile;
}

/** Bumped when what a kept load holds changes. */
const LOAD_LAYOUT = 'gangyao-load-cache/1';

/**
 * What a file's model depends on besides the code: its name as given and its bytes — not the template,
 * nor what the batch keeps of it. Kept apart from the file's entry ({@link CachedLoad}), so that a batch
 * re-run after its template was corrected (or with another output asked for) aligns and analyses each
 * plan again but does not parse it again; and the comparisons with parents, which read only the models,
 * are kept by these keys and still found.
 */
export function loadKeyParts(source: string, bytes: Uint8Array): (string | Uint8Array)[] {
  return [LOAD_LAYOUT, source, bytes];
}

/** A file's load as kept: what `loadPlan` gave for a file that gave a plan. */
export interface CachedLoad {
  layout: typeof LOAD_LAYOUT;
  /** The plan model ({@link EntryCache.pack}ed: a `Plan`). */
  model: Uint8Array;
  /** What reading the file said. */
  diagnostics: Diagnostic[];
  /** The text as read; null with `decoded` when it is the bytes decoded (`decodeBytes`), not kept twice. */
  text: string | null;
  decoded: boolean;
}

/** A load read back, checked: null when it is not a {@link CachedLoad} (a miss: the file is read anew). */
export function readCachedLoad(value: unknown): CachedLoad | null {
  if (value === null || typeof value !== 'object') return null;
  const v = value as Partial<CachedLoad>;
  if (v.layout !== LOAD_LAYOUT || !(v.model instanceof Uint8Array) || !Array.isArray(v.diagnostics) || typeof v.decoded !== 'boolean') return null;
  if (!v.diagnostics.every((d: Partial<Diagnostic> | null) => d !== null && typeof d === 'object' && typeof d.code === 'string' && typeof d.severity === 'string' && typeof d.message === 'string')) return null;
  if (!(typeof v.text === 'string' || v.text === null) || (v.decoded && v.text !== null)) return null;
  return v as CachedLoad;
}

/** The load to keep of a file: its model packed, its text left out when decoding the bytes gives it. */
export function cachedLoad(model: Uint8Array, diagnostics: Diagnostic[], text: string | null, decoded: string | null): CachedLoad {
  const same = text !== null && text === decoded;
  return { layout: LOAD_LAYOUT, model, diagnostics, text: same ? null : text, decoded: same };
}
