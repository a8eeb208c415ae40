import type { Indicator } from '../model/plan.js';
import { compareStrings, type ComparedPlan } from './internal/entries.js';
import { INDICATOR_KEYS, LEADING_VERBS, normaliseUnit, RATE_KEYS, SCOPE } from './internal/indicator-vocabulary.js';
import type { IndicatorRow, IndicatorValue } from './schema.js';

/**
 * The normalised name of an indicator, so that the same commitment lines up across plans: a known
 * key when the name mentions one (科技小院, 科技志愿者, 科普基地, 高素质农民, 农民培训 …; see
 * `internal/indicator-vocabulary.ts`), else the name with its leading verb (建立, 创建, 培训 …), its
 * level (市级, 省级 …), quotation marks, brackets and spaces removed. The level is kept apart (see
 * `compareIndicators`), so 市级科普基地 and 国家级科普教育基地 share the key 科普基地.
 *
 * @example
 * normaliseIndicatorKey('建立科技小院');          // '科技小院'
 * normaliseIndicatorKey('注册科技（科普）志愿者'); // '科技志愿者'
 * normaliseIndicatorKey('国家级科普教育基地');     // '科普基地'
 * normaliseIndicatorKey('“科技兴趣”社团');        // '科技兴趣社团'
 */
export function normaliseIndicatorKey(name: string): string {
  const n = clean(name);
  const keys = /率|水平|比例/u.test(n) ? RATE_KEYS : INDICATOR_KEYS;
  for (const [key, re] of keys) if (re.test(n)) return key;
  let rest = n.replace(SCOPE, '');
  for (let i = 0; i < 3; i++) rest = rest.replace(LEADING_VERBS, '');
  return rest || n;
}

/** The level an indicator's name states (国家级, 省级, 市级, 县级, 区级), or null. */
function scopeOf(name: string): string | null {
  return clean(name).match(SCOPE)?.[0] ?? null;
}

function clean(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s“”"'‘’《》「」]/gu, '')
    .replace(/[（(【[].*?[）)】\]]/gu, (m) => (/科普|科技/u.test(m) ? '' : m));
}

/**
 * Commitments made comparable across plans: each plan's indicators under their normalised key
 * (`normaliseIndicatorKey`) and unit (`normaliseUnit`), one row per key and unit — a key stated in 人
 * by one plan and in 人次 by another gives two rows, never one. A plan stating the same figure twice
 * (in its goals and again in a measure) counts once. Rows are sorted by how many plans state them,
 * then key and unit; values by value (highest first), then source.
 *
 * @param plans - The batch in canonical order (see `comparePlans`).
 * @example
 * const row = compareIndicators(plans).find((r) => r.key === '科技小院');
 * row?.values.map((v) => `${v.region} ${v.value}`); // ['兰州市 4', '砀山县 1']
 */
export function compareIndicators(plans: readonly ComparedPlan[]): IndicatorRow[] {
  const rows = new Map<string, { key: string; unit: string; values: IndicatorValue[] }>();
  // Names and units recur across thousands of plans: each is normalised once.
  const names = new Map<string, { key: string; scope: string | null }>();
  const units = new Map<string, Map<number, { unit: string; value: number }>>();
  const seen = new Set<string>();
  for (const p of plans) {
    seen.clear();
    const ordered = p.report.indicators.length > 1 ? p.report.indicators.slice().sort(preferDated) : p.report.indicators;
    for (const ind of ordered) {
      let named = names.get(ind.name);
      if (named === undefined) names.set(ind.name, (named = { key: normaliseIndicatorKey(ind.name), scope: scopeOf(ind.name) }));
      const { key, scope } = named;
      let byValue = units.get(ind.unit);
      if (byValue === undefined) units.set(ind.unit, (byValue = new Map()));
      let normalised = byValue.get(ind.value);
      if (normalised === undefined) byValue.set(ind.value, (normalised = normaliseUnit(ind.unit, ind.value)));
      const { unit, value } = normalised;
      const dup = `${key}\u0000${unit}\u0000${value}\u0000${scope ?? ''}\u0000${ind.perYear}`;
      if (seen.has(dup)) continue;
      seen.add(dup);
      const id = `${key}\u0000${unit}`;
      const row = rows.get(id) ?? { key, unit, values: [] };
      rows.set(id, row);
      row.values.push({
        source: p.source,
        region: p.report.region,
        value,
        comparator: ind.comparator,
        year: ind.year,
        perYear: ind.perYear,
        scope,
        name: ind.name,
      });
    }
  }
  const out: IndicatorRow[] = [...rows.values()].map((r) => ({
    key: r.key,
    unit: r.unit,
    plans: distinctSources(r.values),
    values: r.values.sort(
      (a, b) => b.value - a.value || compareStrings(a.source, b.source) || compareStrings(a.scope ?? '', b.scope ?? '') || compareStrings(a.name, b.name),
    ),
  }));
  return out.sort((a, b) => b.plans - a.plans || compareStrings(a.key, b.key) || compareStrings(a.unit, b.unit));
}

/** How many distinct sources state a row's values (read before they are sorted by value). */
function distinctSources(values: readonly IndicatorValue[]): number {
  const sources = new Set<string>();
  for (const v of values) sources.add(v.source);
  return sources.size;
}

/** Of duplicates, keep the one with a year, then the first in the text. */
function preferDated(a: Indicator, b: Indicator): number {
  return Number(a.year === null) - Number(b.year === null) || a.span.start - b.span.start;
}
