/** What a batch keeps of each file for the main thread, shared by the one-thread path (run.ts) and the workers (pool.ts, worker.ts). */
import type { PlanSource } from '../compare/compare-plans.js';
import { loadPlan, type LoadResult } from '../load/load-plan.js';
import type { Plan } from '../model/plan.js';
import type { BatchFile, BatchWant, PlanRead } from './run.js';

/** An input read already (`--cache`), loaded as it was read: its bytes parsed, or why it could not be read. */
export async function loadRead(read: PlanRead, source: string): Promise<LoadResult> {
  return 'failed' in read ? read.failed : loadPlan(read.bytes, source);
}

/**
 * Whether a batch keeps a file's plan model for the main thread: asked for, or the file gave a model but
 * no text (a saved JSON model), so that a comparison's section texts (reuse, `--diff`) come from it.
 */
export function keepsModel(want: BatchWant, hasText: boolean): boolean {
  return want.plans || (want.reuse && !hasText);
}

/**
 * The batch's plan models as kept (`model(i)`, else null): a model that was read but not kept was not
 * asked for, and asking for it throws rather than passing for an unread plan.
 */
export function keptPlans(files: readonly BatchFile[], model: (index: number) => Plan | null): PlanSource {
  return {
    isRead: (i) => files[i]?.read ?? false,
    plan: (i) => {
      const m = model(i);
      if (m) return m;
      if (files[i]?.read) throw new Error(`plan ${i} of the batch: its model was not asked for`);
      return null;
    },
  };
}
