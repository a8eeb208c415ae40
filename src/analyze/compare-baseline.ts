import type { Plan, Target } from '../model/plan.js';
import type { Template } from '../template/schema.js';
import type { BaselineComparison } from './schema.js';

/**
 * Compares a plan's baseline (the figure it says was reached, 十三五末 10.8%) with the template's
 * baseline (10.56% in 2020), and the rise the plan sets itself (headline − baseline) with the rise the
 * template sets (its target for the headline's year − its baseline). Null when the plan states no
 * baseline as a percentage.
 *
 * @param headline - The plan's headline target, when it has one.
 * @example
 * compareBaseline(zhongshan, NATIONAL_2021, headline);
 * // { delta: 0.24, plannedRise: 5.2, templateRise: 4.44, … }
 */
export function compareBaseline(plan: Plan, template: Template, headline: Target | null): BaselineComparison | null {
  const b = plan.targets.find((t) => t.role === 'baseline' && t.unit === '%');
  if (!b) return null;
  const tb = template.baseline;
  const delta = tb && b.year !== null && b.year === tb.year ? round(b.value - tb.value) : null;
  const plannedRise = headline && headline.unit === '%' ? round(headline.value - b.value) : null;
  const tt = headline ? template.targets.find((t) => t.year === headline.year) : undefined;
  const templateRise = tt && tb ? round(tt.value - tb.value) : null;
  const parts = [`baseline ${b.value}%${b.year !== null ? ` (${b.year})` : ''}`];
  const points = (n: number) => (Math.abs(n) === 1 ? 'point' : 'points');
  if (delta !== null && tb) parts.push(`${delta >= 0 ? '+' : ''}${delta} ${points(delta)} against the template's ${tb.value}% (${tb.year})`);
  if (plannedRise !== null) parts.push(`planned rise ${plannedRise} ${points(plannedRise)}${templateRise !== null ? ` (template: ${templateRise})` : ''}`);
  return { local: { value: b.value, year: b.year }, templateBaseline: tb, delta, plannedRise, templateRise, summary: parts.join('; ') };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
