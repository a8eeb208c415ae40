/**
 * A batch worker: reads, parses and analyses the files it is sent, and posts back each plan and its
 * report entry. Started by the CLI's pool (pool.ts); results are put back in input order there, so the
 * output does not depend on the number of threads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadPlanFile } from '../node.js';
import { buildReportPlan } from '../report/build-analysis-report.js';
import type { Template } from '../template/schema.js';

export interface WorkerTask {
  id: number;
  path: string;
}

const template = (workerData as { template: Template | null } | undefined)?.template ?? null;

parentPort?.on('message', (task: WorkerTask) => {
  void (async () => {
    const result = await loadPlanFile(task.path);
    const entry = buildReportPlan(result, template ? { template } : {});
    parentPort!.postMessage({ id: task.id, result, entry });
  })().catch((e: unknown) => {
    parentPort!.postMessage({ id: task.id, error: e instanceof Error ? e.message : String(e) });
  });
});
