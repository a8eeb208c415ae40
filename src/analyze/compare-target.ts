import type { Diagnostic } from '../model/diagnostic.js';
import type { Comparator, Target } from '../model/plan.js';
import type { Template, TemplateTarget } from '../template/schema.js';
import type { DeltaBound, TargetComparison, TargetVerdict } from './schema.js';

const EPS = 1e-9;

/**
 * Verdict rules: `delta = local − template` (percentage points), the template target taken for the
 * local target's year.
 *
 * | local \ template        | `>` t          | `>=` t, `=` t  | `~` t          |
 * |-------------------------|----------------|----------------|----------------|
 * | delta > 0, any          | exceeds        | exceeds        | exceeds        |
 * | delta = 0, `>`          | meets          | meets          | meets          |
 * | delta = 0, `>=` or `=`  | at-threshold   | meets          | meets          |
 * | delta = 0, `~`          | at-threshold   | at-threshold   | meets          |
 * | delta < 0, any          | falls-short    | falls-short    | falls-short    |
 * | no template target for the year, no year, not a percentage | unknown | unknown | unknown |
 *
 * `at-threshold`: the local figure touches the template's bound without promising it (达到15% does
 * not promise 超过15%). A `~` local figure (左右/约) is `approximate`; 力争/争取 sets `aspirational`; both
 * flag the verdict without changing it. A target for a year the template has no target for (2020 against
 * 2025) is a year mismatch: verdict `unknown` with an `analyze/year-mismatch` diagnostic, never a delta.
 */
const VERDICT_AT_ZERO: Record<Comparator, Record<Comparator, TargetVerdict>> = {
  '>': { '>': 'meets', '>=': 'meets', '=': 'meets', '~': 'meets' },
  '>=': { '>': 'at-threshold', '>=': 'meets', '=': 'meets', '~': 'meets' },
  '=': { '>': 'at-threshold', '>=': 'meets', '=': 'meets', '~': 'meets' },
  '~': { '>': 'at-threshold', '>=': 'at-threshold', '=': 'at-threshold', '~': 'meets' },
};

const BOUND: Record<Comparator, DeltaBound> = { '>': 'more-than', '>=': 'at-least', '~': 'about', '=': 'exactly' };
const WORD: Record<Comparator, string> = { '>': '超过', '>=': '达到', '~': '约', '=': '' };

/**
 * Compares a local target (the headline 公民具备科学素质的比例) with the template's target for the same
 * year; see the rule table above.
 *
 * @example
 * compareTarget({ ...t, value: 18.5, comparator: '>=', year: 2025 }, NATIONAL_2021);
 * // { verdict: 'exceeds', delta: 3.5, deltaBound: 'at-least', … }
 * compareTarget({ ...t, value: 15, comparator: '>=', year: 2025 }, NATIONAL_2021).verdict; // 'at-threshold'
 */
export function compareTarget(target: Target, template: Template): TargetComparison {
  const local = { value: target.value, year: target.year, comparator: target.comparator, aspirational: target.aspirational };
  const approximate = target.comparator === '~';
  const base = { local, aspirational: target.aspirational, approximate };
  const unknown = (summary: string, diagnostics: Diagnostic[] = []): TargetComparison => ({
    ...base,
    verdict: 'unknown',
    delta: null,
    deltaBound: null,
    templateTarget: null,
    summary,
    diagnostics,
  });
  if (target.unit !== '%') return unknown(`the target is in ${target.unit || 'no unit'}, not a percentage`);
  const candidates = template.targets.filter((t) => sameMetric(t.metric, target.metric));
  const pool = candidates.length > 0 ? candidates : template.targets;
  const tt: TemplateTarget | undefined = target.year === null ? undefined : pool.find((t) => t.year === target.year);
  if (!tt) {
    const years = pool.map((t) => t.year).join(', ') || 'none';
    return unknown(
      target.year === null
        ? 'the target names no year to compare against'
        : `the template has no target for ${target.year} (it has ${years})`,
      [
        {
          code: 'analyze/year-mismatch',
          severity: 'warning',
          message:
            target.year === null
              ? `the target ${target.value}% has no year; the template's targets are for ${years}`
              : `the target is for ${target.year} but the template's targets are for ${years}: not compared`,
          span: target.span,
        },
      ],
    );
  }
  const delta = Math.round((target.value - tt.value) * 1000) / 1000;
  const verdict: TargetVerdict =
    delta > EPS ? 'exceeds' : delta < -EPS ? 'falls-short' : VERDICT_AT_ZERO[target.comparator][tt.comparator];
  const bound = BOUND[target.comparator];
  const by = bound === 'at-least' ? 'at least ' : bound === 'about' ? 'about ' : bound === 'more-than' ? 'more than ' : '';
  const ref = `${WORD[tt.comparator]}${tt.value}% (${tt.year})`;
  const tone = target.aspirational ? ' (aspirational: 力争)' : '';
  const pointsOf = (n: number) => `${fmt(n)} ${Math.abs(n) === 1 ? 'point' : 'points'}`;
  const summary =
    verdict === 'exceeds'
      ? `exceeds ${ref} by ${by}${pointsOf(delta)}${tone}`
      : verdict === 'falls-short'
        ? `falls short of ${ref} by ${bound === 'about' ? 'about ' : ''}${pointsOf(-delta)} (promises ${WORD[target.comparator]}${target.value}%)${tone}`
        : verdict === 'at-threshold'
          ? `${WORD[target.comparator]}${target.value}% touches ${ref} without promising it${tone}`
          : `meets ${ref}${tone}`;
  return { ...base, verdict, delta, deltaBound: bound, templateTarget: tt, summary, diagnostics: [] };
}

function sameMetric(a: string, b: string): boolean {
  const core = (s: string) => s.replace(/\s+|基本/gu, '');
  return core(a) === core(b) || core(a).includes(core(b)) || core(b).includes(core(a));
}

function fmt(x: number): string {
  return String(Math.round(x * 100) / 100);
}
