import { availableParallelism } from 'node:os';
import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Plan } from '../model/plan.js';
import type { ReportPlan } from '../analyze/analysis-report.js';
import type { ParentComparison } from '../compare/schema.js';
import type { ParentPair } from '../compare/trace-parents.js';
import type { Template } from '../template/schema.js';
import type { Batch, BatchFile, BatchWant } from './run.js';
import { keptPlans, parentRuns } from './batch.js';
import type { FileDone, ParentsDone, ReuseDone, Task, TablesMessage } from './worker.js';
import type { ReuseTables, ReuseUnitInput } from '../compare/internal/reuse-kernel.js';

/**
 * Plans a worker thread must have to pay for itself. Each worker loads the pipeline and has V8 compile
 * it anew (1–3 s of CPU, on the cores the workers need), while a plan costs 1–3 ms: on the 2-core
 * development machine (2026-11-24, three alternating runs each) `analyze` ran faster in one thread than
 * on two workers up to about 1,100 plans (500: 1.23–1.29 s against 1.42–1.43 s; 1,000: 1.95–2.01 s
 * against 2.03–2.04 s; 1,600: 3.08 s against 2.75 s), and `compare`, whose workers also compare with
 * parents and score reuse, up to about 2,000 (1,000: 3.68–3.73 s against 4.01–4.03 s; 1,600: 5.54 s
 * against 5.91 s; 3,200: 10.8–11.1 s against 9.8–10.1 s).
 */
export const PLANS_PER_WORKER = 600;
/** The same for a batch that is also compared. */
export const PLANS_PER_COMPARING_WORKER = 1200;

/**
 * Threads to use by default for a batch of `files`: one per core, at most four, and no more than one
 * per `perWorker` plans (so a batch under twice that is read in this thread).
 */
export function defaultThreads(files: number, cores: number = availableParallelism(), perWorker: number = PLANS_PER_WORKER): number {
  return Math.max(1, Math.min(4, cores, Math.floor(files / perWorker)));
}

/** Children of one parent sent to its worker in one message (a large family in several). */
const CHILDREN_PER_TASK = 12;
/** Sections scored for reuse per task. */
const UNITS_PER_TASK = 500;

type Untagged<T> = T extends unknown ? Omit<T, 'id'> : never;

/**
 * Worker threads and the tasks under way on them: each task gets an id, and its result (the worker's
 * message with that id) settles the task's promise. A worker's error message (it caught a bug of its
 * own) rejects that task; a crashed worker rejects everything under way.
 */
class Pool {
  private readonly pending = new Map<number, { resolve: (m: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  constructor(readonly workers: readonly Worker[]) {
    for (const w of workers) {
      w.on('message', (m: { id: number; error?: string }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.error !== undefined) p.reject(new Error(m.error));
        else p.resolve(m);
      });
      w.on('error', (e) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
    }
  }

  run<R>(w: Worker, task: Untagged<Task>): Promise<R> {
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (m: unknown) => void, reject });
      w.postMessage({ ...task, id });
    });
  }

  /**
   * Tasks handed out as workers free up, two in flight on each (no idle round trip); results in task
   * order, each first passed through `onResult` as it comes (while the workers go on).
   */
  async feed<R, T = R>(tasks: readonly Untagged<Task>[], onResult?: (result: R, index: number) => T): Promise<T[]> {
    const out: T[] = new Array<T>(tasks.length);
    let next = 0;
    const loop = async (w: Worker) => {
      while (next < tasks.length) {
        const i = next++;
        const r = await this.run<R>(w, tasks[i]!);
        out[i] = onResult ? onResult(r, i) : (r as unknown as T);
      }
    };
    await Promise.all(this.workers.flatMap((w) => [loop(w), loop(w)]));
    return out;
  }

  /** A message for every worker (it arrives before the tasks posted after it). */
  broadcast(message: TablesMessage): void {
    for (const w of this.workers) w.postMessage(message);
  }
}

/**
 * Reads, parses and analyses files on worker threads, each worker taking the next file when it is
 * free; results are put back in input order, so the output is the same for any thread count. The
 * workers stay up for the batch's comparison (parent plans, reuse) until `close()`. Plan models stay
 * serialised here and are read back only when asked for; what comparisons with parents read of them
 * (smaller) goes back to the workers that make those comparisons.
 */
export async function analyzeOnWorkers(
  paths: readonly string[],
  template: Template | null,
  threads: number,
  want: BatchWant,
  workerUrl: URL,
  onDone?: (done: number) => void,
  cache: string | null = null,
): Promise<Batch> {
  // A small young generation: a worker's garbage is short-lived (one file, one comparison), and the
  // default lets each worker hold tens of megabytes more for nothing.
  const workers = Array.from(
    { length: Math.max(1, Math.min(threads, paths.length)) },
    () => new Worker(workerUrl, { workerData: { template, cache }, resourceLimits: { maxYoungGenerationSizeMb: 16 } }),
  );
  const close = async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  };
  try {
    const pool = new Pool(workers);
    const planBytes: (Uint8Array | null)[] = new Array<Uint8Array | null>(paths.length).fill(null);
    const models: (Uint8Array | null)[] = new Array<Uint8Array | null>(paths.length).fill(null);
    const reuseInputs: ((ReuseUnitInput | null)[] | null)[] = new Array<(ReuseUnitInput | null)[] | null>(paths.length).fill(null);
    let done = 0;
    const failures: (string | null)[] = [];
    const files = await pool.feed<FileDone, BatchFile>(
      paths.map((path) => ({ kind: 'file', path, want })),
      (m, i) => {
        onDone?.(++done);
        if (m.plan) planBytes[i] = new Uint8Array(m.plan);
        if (m.model) models[i] = new Uint8Array(m.model);
        reuseInputs[i] = m.reuse;
        failures[i] = m.cacheFailure;
        // An entry the cache kept comes packed: unpacked here as it comes, while the workers go on.
        const entry = m.packedEntry ? (deserialize(new Uint8Array(m.packedEntry)) as ReportPlan) : m.entry;
        return { source: m.source, text: m.text, entry, json: m.json ? new Uint8Array(m.json) : null, digest: m.digest, read: m.read, key: m.key };
      },
    );
    // The first failure in input order: the same message whichever worker came first.
    const cacheFailure = failures.find((f) => f) ?? null;
    const modelOf = (i: number): Uint8Array => {
      const b = models[i];
      if (!b) throw new Error(`plan ${i} of the batch has no model for comparisons with parents`);
      return b;
    };
    const compareParents = async (pairs: readonly ParentPair[]): Promise<ParentComparison[]> => {
      // Pairs come grouped by parent. Each parent's group goes to one worker, so the parent's template
      // (and the matching profile made of it) is made once: the largest groups first, each to the
      // worker with the least work so far (an alignment per child, about two for the template).
      const runs = parentRuns(pairs);
      runs.sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
      const load = pool.workers.map(() => 0);
      const made: Promise<ParentsDone>[] = [];
      const starts: number[] = [];
      for (const { from, to } of runs) {
        const k = load.indexOf(Math.min(...load));
        load[k]! += to - from + 2;
        const parent = pairs[from]!.parent;
        for (let at = from; at < to; at += CHILDREN_PER_TASK) {
          const children = pairs.slice(at, Math.min(to, at + CHILDREN_PER_TASK)).map((p) => modelOf(p.child));
          made.push(pool.run<ParentsDone>(pool.workers[k]!, { kind: 'parents', parent: { index: parent, plan: modelOf(parent), source: files[parent]!.source }, children }));
          starts.push(at);
        }
      }
      const out: ParentComparison[] = new Array<ParentComparison>(pairs.length);
      (await Promise.all(made)).forEach((d, t) => d.results.forEach((r, j) => (out[starts[t]! + j] = r)));
      return out;
    };
    const scoreReuse = async (tables: ReuseTables, units: number): Promise<Int32Array[]> => {
      // The inputs now live in the tables.
      reuseInputs.fill(null);
      pool.broadcast({ kind: 'tables', tables });
      const tasks: Untagged<Task>[] = [];
      for (let from = 0; from < units; from += UNITS_PER_TASK) tasks.push({ kind: 'reuse', from, to: Math.min(units, from + UNITS_PER_TASK) });
      // Handed out as workers free up: they may still be busy with comparisons with parents.
      const made = await pool.feed<ReuseDone>(tasks);
      return made.map((d) => d.scores);
    };
    return {
      files,
      plans: keptPlans(files, (i) => {
        const b = planBytes[i];
        return b ? (deserialize(b) as Plan) : null;
      }),
      reuseInputs: (i: number) => reuseInputs[i] ?? undefined,
      alloc: (bytes: number) => new SharedArrayBuffer(bytes),
      compareParents,
      scoreReuse,
      close,
      cacheFailure,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
