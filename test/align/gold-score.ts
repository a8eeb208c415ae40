// Scores alignments against the gold file the way ../shared/tools/gold-check.mjs does: a gold heading
// is matched to an output heading by the same title comparison, then its template id is checked.
import type { PlanAlignment } from '../../src/align/schema.js';
import type { GoldPlan } from './fixtures.js';

const norm = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s“”"'‘’「」《》()（）、，,。.:：；;—\-]/gu, '')
    .replace(/^实施/u, '');
const bigrams = (s: string) => {
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  return out;
};
const dice = (a: string, b: string) => {
  const A = bigrams(a);
  const B = bigrams(b);
  if (!A.size || !B.size) return a === b ? 1 : 0;
  let n = 0;
  for (const x of A) if (B.has(x)) n++;
  return (2 * n) / (A.size + B.size);
};
export const sameTitle = (a: string, b: string): boolean => {
  const x = norm(a);
  const y = norm(b);
  return x === y || (x.length >= 4 && y.includes(x)) || (y.length >= 4 && x.includes(y)) || dice(x, y) >= 0.8;
};

export interface GoldScore {
  sections: [number, number];
  measures: [number, number];
  misses: string[];
}

export function scoreAgainstGold(g: GoldPlan, a: PlanAlignment): GoldScore {
  const out: GoldScore = { sections: [0, 0], measures: [0, 0], misses: [] };
  for (const gs of g.sections) {
    out.sections[1]++;
    const hit = a.sections.find((s) => sameTitle(s.title, gs.title));
    if (hit && hit.templateId === gs.id) out.sections[0]++;
    else out.misses.push(`${g.file} section ${gs.title} → expected ${gs.id}, got ${hit ? hit.templateId : 'not found'}`);
  }
  const all = a.sections.flatMap((s) => s.measures);
  for (const gm of g.measures) {
    out.measures[1]++;
    const hit = all.find((m) => sameTitle(m.title, gm.title));
    if (hit && gm.accept.includes(hit.templateId)) out.measures[0]++;
    else out.misses.push(`${g.file} measure ${gm.title} → expected ${JSON.stringify(gm.accept)}, got ${hit ? JSON.stringify(hit.templateId) : 'not found'} ${hit ? hit.confidence : ''}`);
  }
  return out;
}
