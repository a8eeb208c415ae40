/**
 * A batch worker, started by the CLI's pool (pool.ts). Three kinds of task:
 * - `file`: read, parse and analyse one file; post back what the batch asked for — the report entry,
 *   its JSON line as UTF-8 bytes (rendered here, so the main thread only writes), the text, the plan
 *   model serialised (node:v8) — and always the entry's digest. Buffers are transferred, not copied.
 *   For comparisons with parents it also sends the part of the model those read (smaller). With
 *   `--cache DIR` (the folder in workerData) what was made of the file is looked up here first, by its
 *   bytes, and what is made anew kept here.
 * - `parents`: compare plans with one parent plan (models sent serialised), the parent as template.
 * - `reuse`: score a range of the batch's sections for reuse, over tables in shared memory.
 * Results are put back in input order by the pool, so the output does not depend on the thread count.
 */
import { deserialize, serialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { loadPlanFile, readPlanBytes } from '../node.js';
import type { ReportPlanDigest } from '../analyze/report-json.js';
import type { ReportPlan } from '../analyze/analysis-report.js';
import type { ParentComparison } from '../compare/schema.js';
import type { Plan } from '../model/plan.js';
import type { Template } from '../template/schema.js';
import type { BatchWant } from './run.js';
import { analyseFile, analyseThroughCache, compareWithOneParent, keepsModel, modelOf, parentTemplate, type Analysed } from './batch.js';
import { openFileCache } from './file-cache.js';
import { REUSE_METHOD } from '../compare/measure-reuse.js';
import { candidateScratch, reuseUnitInputs, scoreUnits, type CandidateScratch, type ReuseTables, type ReuseUnitInput } from '../compare/internal/reuse-kernel.js';

export interface FileTask {
  kind: 'file';
  id: number;
  path: string;
  want: BatchWant;
}

export interface FileDone {
  id: number;
  source: string;
  read: boolean;
  digest: ReportPlanDigest;
  text: string | null;
  entry: ReportPlan | null;
  /** The entry's JSON line, UTF-8. */
  json: ArrayBuffer | null;
  /** The plan model, serialised (node:v8). */
  plan: ArrayBuffer | null;
  /** The report entry serialised (node:v8), as the cache keeps it (then `entry` is null). */
  packedEntry: ArrayBuffer | null;
  /** Each section cut into n-grams for measuring reuse. */
  reuse: (ReuseUnitInput | null)[] | null;
  /** What comparisons with parents read of the model (`parentComparisonModel`), serialised, when asked for. */
  model: ArrayBuffer | null;
  /** Why the cache could not keep this file's value (then this thread keeps no more). */
  cacheFailure: string | null;
  /** The key of the file's model in the cache (see `loadKeyParts`; null: not looked up there). */
  key: string | null;
  error?: string;
}

/** The tables the next `reuse` tasks score (sent once to each worker). */
export interface TablesMessage {
  kind: 'tables';
  tables: ReuseTables;
}

export interface ReuseTask {
  kind: 'reuse';
  id: number;
  from: number;
  to: number;
}

export interface ReuseDone {
  id: number;
  scores: Int32Array;
  error?: string;
}

export interface ParentsTask {
  kind: 'parents';
  id: number;
  /** The parent: its index in the batch (a key for the template made of it), model and source. */
  parent: { index: number; plan: Uint8Array; source: string };
  /** The plans to compare with it (models as `parentComparisonModel`, serialised). */
  children: Uint8Array[];
}

export interface ParentsDone {
  id: number;
  results: ParentComparison[];
  error?: string;
}

const data = workerData as { template: Template | null; cache: string | null } | undefined;
const template = data?.template ?? null;
/** The store of `--cache DIR`, when given: each file is looked up where it is read. */
const cache = data?.cache ? openFileCache(data.cache) : null;
let cacheFailed = false;

/** A task for a worker (see the pool). */
export type Task = FileTask | ParentsTask | ReuseTask;

let tables: ReuseTables | null = null;

parentPort?.on('message', (task: FileTask | ParentsTask | ReuseTask | TablesMessage) => {
  if (task.kind === 'tables') {
    tables = task.tables;
    return;
  }
  if (task.kind === 'reuse') {
    try {
      if (!tables) throw new Error('no tables were sent');
      const scores = scoreUnits(tables, task.from, task.to, scratchFor(tables));
      parentPort!.postMessage({ id: task.id, scores }, [scores.buffer as ArrayBuffer]);
    } catch (e) {
      parentPort!.postMessage({ id: task.id, scores: new Int32Array(0), error: `measuring reuse failed: ${e instanceof Error ? e.message : String(e)}` });
    }
    return;
  }
  if (task.kind === 'parents') {
    try {
      parentPort!.postMessage(compareParents(task));
    } catch (e) {
      parentPort!.postMessage({ id: task.id, results: [], error: `comparing with ${task.parent.source} failed: ${e instanceof Error ? e.message : String(e)}` });
    }
    return;
  }
  void analyseTask(task).then(
    ({ message, transfer }) => parentPort!.postMessage(message, transfer),
    (e: unknown) => parentPort!.postMessage({ id: task.id, error: `${task.path}: ${e instanceof Error ? e.message : String(e)}` }),
  );
});

async function analyseTask(task: FileTask): Promise<{ message: FileDone; transfer: ArrayBuffer[] }> {
  const { want, path } = task;
  let a: Analysed;
  if (cache) {
    const read = readPlanBytes(path);
    // After a failure to write, no more tries on this thread (but what the cache holds is still served).
    a = 'bytes' in read ? await analyseThroughCache(cache, path, read.bytes, want, template, !cacheFailed) : await analyseFile(path, async () => read.failed, want, template);
    cacheFailed ||= a.cacheFailure !== null;
  } else a = await analyseFile(path, () => loadPlanFile(path), want, template);
  // What the cache kept (or was given to keep) is sent on as it is, packed: the main thread unpacks it.
  const { packed } = a;
  const json = a.json ? toArrayBuffer(a.json) : null;
  const entry = want.entries && packed?.entry ? toArrayBuffer(packed.entry) : null;
  const plan = keepsModel(want, a.text !== null) && a.read ? toArrayBuffer(packed?.model ?? serialize(a.plan)) : null;
  // The n-grams in shared memory: the main thread lays them out in its tables and the workers score them, never copied.
  const reuse = want.reuse ? reuseInputsOf(a) : null;
  // What comparisons with parents read of the model: about 40% smaller than the model to send and to hold.
  const model = want.parents && a.read ? toArrayBuffer(packed?.parentModel ?? serialize(a.parentModel)) : null;
  const transfer = [json, entry, plan, model].filter((b): b is ArrayBuffer => b !== null);
  for (const u of reuse ?? []) if (u) for (const x of [u.starts, u.ends]) if (x) transfer.push(x.buffer as ArrayBuffer);
  const message: FileDone = {
    id: task.id,
    source: a.source,
    read: a.read,
    digest: a.digest,
    text: want.texts ? a.text : null,
    entry: want.entries && !entry ? a.entry : null,
    packedEntry: entry,
    json,
    plan,
    reuse,
    model,
    cacheFailure: a.cacheFailure,
    key: a.key,
  };
  return { message, transfer };
}

/**
 * Each section of a file cut into n-grams for measuring reuse, from its span in the text (the spans
 * kept beside a packed entry), else from the model (a file read without a text: unpacked only then).
 */
function reuseInputsOf(a: Analysed): (ReuseUnitInput | null)[] {
  const sections = a.entry?.sections ?? a.packed?.spans?.map((span) => ({ span })) ?? [];
  let plan: Plan | null | undefined;
  const source = {
    text: a.text,
    get plan(): Plan | null {
      plan ??= modelOf(a, cache);
      return plan;
    },
  };
  return reuseUnitInputs(sections, source, REUSE_METHOD, (n) => new SharedArrayBuffer(n));
}

/** One scratch per thread for candidate queries, kept while the tables keep their size. */
let scratch: CandidateScratch | null = null;
function scratchFor(tables: ReuseTables): CandidateScratch {
  if (!scratch || scratch.votes.length !== tables.index.planOf.length || scratch.seen.length !== tables.index.keys.length) scratch = candidateScratch(tables.index);
  return scratch;
}

/** The templates made of the last few parents: a large family comes in several tasks, mostly to the same thread. */
const parentTemplates = new Map<number, { template: Template; region: string | null }>();

function compareParents(task: ParentsTask): ParentsDone {
  let made = parentTemplates.get(task.parent.index);
  if (!made) {
    made = parentTemplate(deserialize(task.parent.plan) as Plan);
    parentTemplates.set(task.parent.index, made);
    if (parentTemplates.size > 4) parentTemplates.delete(parentTemplates.keys().next().value!);
  }
  const results = compareWithOneParent(made, task.parent.source, task.children.map((bytes) => deserialize(bytes) as Plan));
  return { id: task.id, results };
}

/** The bytes as an ArrayBuffer of their own, so it can be transferred. */
function toArrayBuffer(b: Uint8Array): ArrayBuffer {
  if (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer) return b.buffer;
  const out = new ArrayBuffer(b.byteLength);
  new Uint8Array(out).set(b);
  return out;
}
