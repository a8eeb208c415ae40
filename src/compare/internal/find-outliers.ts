import type { ComparisonReport, Outlier } from '../schema.js';
import { compareStrings } from './entries.js';

/** At least this many standard deviations from the peer mean makes a target stand out. */
export const TARGET_Z = 1;
/** A section at least this much in the plan's own wording stands out as local content. */
export const LOCAL_SHARE = 0.95;
/** A top-level item a plan lacks stands out when at least this share of the other assessed plans has it. */
export const COMMON_SHARE = 2 / 3;

/**
 * What stands out in a comparison: targets at least one standard deviation from the peer mean,
 * top-level items a plan lacks though at least two thirds of the others have them, restated sections
 * (reuse ≥ 0.5) and sections almost wholly in the plan's own wording (≥ 95%). Sorted by kind, then source.
 */
export function findOutliers(c: Pick<ComparisonReport, 'targets' | 'matrix' | 'reuse'>): Outlier[] {
  const out: Outlier[] = [];
  const stats = c.targets.stats;
  if (stats.status === 'ok') {
    for (const r of c.targets.rows) {
      if (r.z === null || Math.abs(r.z) < TARGET_Z) continue;
      const side = r.z > 0 ? 'above' : 'below';
      out.push({
        kind: 'target',
        source: r.source,
        region: r.region,
        message: `${r.value}% is ${Math.abs(r.z)} SD ${side} the peer mean ${stats.mean}% (n = ${stats.n}, ${stats.year ?? 'no year'})`,
      });
    }
  }
  for (const it of c.matrix.items) {
    if (it.level !== 'section') continue;
    const assessed = c.matrix.rows.filter((r) => r.cells[it.id] !== null && r.cells[it.id] !== undefined);
    if (assessed.length < 3) continue;
    const having = assessed.filter((x) => x.cells[it.id] !== 'none').length;
    for (const r of assessed) {
      if (r.cells[it.id] !== 'none') continue;
      const others = assessed.length - 1;
      if (having / others >= COMMON_SHARE) {
        out.push({ kind: 'coverage', source: r.source, region: r.region, message: `no ${it.title} (${it.id}); ${having} of ${others} other plans have it` });
      }
    }
  }
  for (const s of c.reuse.sections) {
    if (s.length === 0 || s.class === 'mixed' || (s.class === 'local' && s.local < LOCAL_SHARE)) continue;
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    const where = s.bestPeer && s.bestPeer.share >= s.template ? `, most shared with ${s.bestPeer.source} ${s.bestPeer.title}` : '';
    out.push(
      s.class === 'restated'
        ? { kind: 'restated', source: s.source, region: s.region, message: `${s.title}: ${pct(s.reuse)} restated (template ${pct(s.template)}, peers ${pct(s.peers)})${where}` }
        : { kind: 'local', source: s.source, region: s.region, message: `${s.title}: ${pct(s.local)} own wording` },
    );
  }
  const order = { target: 0, coverage: 1, restated: 2, local: 3 } as const;
  return out.sort((a, b) => order[a.kind] - order[b.kind] || compareStrings(a.source, b.source) || compareStrings(a.message, b.message));
}
