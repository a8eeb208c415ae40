import type { Plan } from '../model/plan.js';
import { EARLIER_2016 } from './earlier-2016.js';
import { NATIONAL_2021 } from './national-2021.js';
import type { Template } from './schema.js';

/** Which template fits a plan, and why. */
export interface TemplateChoice {
  template: Template;
  /** `basis`: the plan cites one of the template's documents; `period`: its period falls in the template's; `default`: neither told. */
  reason: 'basis' | 'period' | 'default';
  detail: string;
}

/** A document number in a comparable form: brackets unified, spaces dropped (国发〔2021〕9号). */
function normalizeDocNumber(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[[【(（〔［]/gu, '〔')
    .replace(/[\]】)）〕］]/gu, '〕');
}

/**
 * Picks the template a plan implements. The plan's basis decides first (a plan citing
 * 国发〔2006〕7号 or 国办发〔2016〕10号 belongs to the earlier template, one citing 国发〔2021〕9号 to the
 * 2021 one); then its period (ending in 2020 or earlier → the earlier template; else the template whose
 * period holds the plan's end year); else the first template (the 2021 outline by default).
 *
 * @param plan - A parsed plan.
 * @param templates - Candidates, the first being the default; built-ins when omitted.
 * @example
 * chooseTemplate(plan2016).template.id; // 'earlier-2016' (period 2016–2020)
 * chooseTemplate(lanzhou).reason;       // 'basis' (cites 国发〔2021〕9号)
 */
export function chooseTemplate(plan: Plan, templates: readonly Template[] = [NATIONAL_2021, EARLIER_2016]): TemplateChoice {
  const fallback = templates[0] ?? NATIONAL_2021;
  const cited = new Set(plan.basis.map((b) => (b.docNumber ? normalizeDocNumber(b.docNumber) : '')).filter(Boolean));
  const raw = plan.basis.map((b) => normalizeDocNumber(b.raw)).join(' ');
  const byBasis = templates.filter((t) => t.basis.some((d) => cited.has(normalizeDocNumber(d)) || raw.includes(normalizeDocNumber(d))));
  // Several cited (a 2021 plan citing the 2006 outline as history): the most recent template wins.
  const basisHit = [...byBasis].sort((a, b) => b.period.end - a.period.end)[0];
  if (basisHit) {
    return { template: basisHit, reason: 'basis', detail: `the plan cites ${basisHit.basis.join(' / ')}` };
  }
  const p = plan.period;
  if (p) {
    const within = templates.filter((t) => p.end >= t.period.start && p.end <= t.period.end);
    const best = [...within].sort((a, b) => a.period.end - a.period.start - (b.period.end - b.period.start))[0];
    if (best) return { template: best, reason: 'period', detail: `the plan's period ${p.start}–${p.end} falls in ${best.period.start}–${best.period.end}` };
  }
  return { template: fallback, reason: 'default', detail: 'neither the basis nor the period named a template' };
}
