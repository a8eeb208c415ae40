import { availableParallelism } from 'node:os';
import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Plan } from '../model/plan.js';
import type { ParentComparison } from '../compare/schema.js';
import type { ParentPair } from '../compare/trace-parents.js';
import type { Template } from '../template/schema.js';
import type { Batch, BatchFile, BatchWant } from './run.js';
import type { FileTask, FileDone, ParentsTask, ParentsDone, ReuseTask, ReuseDone, TablesMessage } from './worker.js';
import type { ReuseTables, ReuseUnitInput } from '../compare/internal/reuse-kernel.js';

/** Threads to use by default: one per core, at most four, and none for small batches. */
export function defaultThreads(files: number): number {
  return files < 16 ? 1 : Math.max(1, Math.min(4, availableParallelism()));
}

/** Children of one parent sent to a worker at once: large families are split so every thread has work. */
const CHILDREN_PER_TASK = 12;
/** Sections scored for reuse per task. */
const UNITS_PER_TASK = 500;

/**
 * Reads, parses and analyses files on worker threads, each worker taking the next file when it is
 * free; results are put back in input order, so the output is the same for any thread count. The
 * workers stay up for the batch's comparisons with parent plans (`compareWithParents`) until
 * `close()`. Plan models stay serialised here and are read back only when asked for.
 */
export async function analyzeOnWorkers(
  paths: readonly string[],
  template: Template | null,
  threads: number,
  want: BatchWant,
  workerUrl: URL,
  onDone?: (done: number) => void,
): Promise<Batch> {
  const workers = Array.from({ length: Math.max(1, Math.min(threads, paths.length)) }, () => new Worker(workerUrl, { workerData: { template } }));
  const close = async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  };
  try {
    const planBytes: (Uint8Array | null)[] = new Array<Uint8Array | null>(paths.length).fill(null);
    const reuseInputs: ((ReuseUnitInput | null)[] | null)[] = new Array<(ReuseUnitInput | null)[] | null>(paths.length).fill(null);
    let done = 0;
    const tasks = paths.map((path, id): FileTask => ({ kind: 'file', id, path, want }));
    const results = await runTasks<FileTask, FileDone>(workers, tasks, () => onDone?.(++done));
    const files = results.map((m, i): BatchFile => {
      if (m.plan) planBytes[i] = new Uint8Array(m.plan);
      reuseInputs[i] = m.reuse;
      return { source: m.source, text: m.text, entry: m.entry, json: m.json ? new Uint8Array(m.json) : null, digest: m.digest, read: m.read };
    });
    const plans = {
      isRead: (i: number) => files[i]?.read ?? false,
      plan: (i: number): Plan | null => {
        const b = planBytes[i];
        return b ? (deserialize(b) as Plan) : null;
      },
    };
    const parentTasks = (pairs: readonly ParentPair[], first: number): { tasks: ParentsTask[]; slots: number[][] } => {
      const tasks: ParentsTask[] = [];
      const slots: number[][] = [];
      let i = 0;
      while (i < pairs.length) {
        const parent = pairs[i]!.parent;
        const group: number[] = [];
        while (i < pairs.length && pairs[i]!.parent === parent && group.length < CHILDREN_PER_TASK) group.push(i++);
        const pb = planBytes[parent];
        if (!pb) throw new Error(`compareWithParents: plan ${parent} has no model`);
        tasks.push({
          kind: 'parents',
          id: first + tasks.length,
          parent: { index: parent, plan: pb, source: files[parent]!.source },
          children: group.map((k) => {
            const cb = planBytes[pairs[k]!.child];
            if (!cb) throw new Error(`compareWithParents: plan ${pairs[k]!.child} has no model`);
            return cb;
          }),
        });
        slots.push(group);
      }
      return { tasks, slots };
    };
    const compareWork = async (tables: ReuseTables, units: number, pairs: readonly ParentPair[]) => {
      // The inputs now live in the tables.
      reuseInputs.fill(null);
      const { tasks, slots } = parentTasks(pairs, 0);
      const reuseTasks: ReuseTask[] = [];
      for (let from = 0; from < units; from += UNITS_PER_TASK) {
        reuseTasks.push({ kind: 'reuse', id: tasks.length + reuseTasks.length, from, to: Math.min(units, from + UNITS_PER_TASK) });
      }
      // Once to each worker (messages arrive in order): the tables' arrays are shared memory, not copied.
      for (const w of workers) w.postMessage({ kind: 'tables', tables } satisfies TablesMessage);
      const done = await runTasks<ParentsTask | ReuseTask, ParentsDone | ReuseDone>(workers, [...tasks, ...reuseTasks]);
      const parents: ParentComparison[] = new Array<ParentComparison>(pairs.length);
      slots.forEach((group, t) => (done[t] as ParentsDone).results.forEach((r, j) => (parents[group[j]!] = r)));
      const scores = done.slice(tasks.length).map((d) => (d as ReuseDone).scores);
      return { parents, scores };
    };
    return {
      files,
      plans,
      reuseInputs: (i: number) => reuseInputs[i] ?? undefined,
      alloc: (bytes: number) => new SharedArrayBuffer(bytes),
      compareWork,
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * Runs tasks on the workers, each worker taking the next task when it is free; the results in task
 * order. A worker's error message (it caught a bug of its own) fails the whole run. Tasks are copied
 * to the worker (their buffers stay usable here).
 */
function runTasks<T extends { id: number }, R extends { id: number; error?: string }>(
  workers: readonly Worker[],
  tasks: readonly T[],
  onResult?: () => void,
): Promise<R[]> {
  const out: R[] = new Array<R>(tasks.length);
  let next = 0;
  return Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          let inFlight = 0;
          const feed = () => {
            if (next < tasks.length) {
              inFlight++;
              w.postMessage(tasks[next++]!);
            } else if (inFlight === 0) {
              w.off('message', onMessage);
              w.off('error', reject);
              resolve();
            }
          };
          const onMessage = (m: R) => {
            inFlight--;
            if (m.error !== undefined) {
              reject(new Error(m.error));
              return;
            }
            out[m.id] = m;
            onResult?.();
            feed();
          };
          w.on('message', onMessage);
          w.on('error', reject);
          // Two tasks in flight: the worker starts the next while its last result crosses to this thread.
          feed();
          feed();
        }),
    ),
  ).then(() => out);
}
