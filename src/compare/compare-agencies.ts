import type { Agency, AgencyRole } from '../model/plan.js';
import type { ReportSection } from '../analyze/analysis-report.js';
import { AGENCY_UNITS, LEVEL_PREFIX } from './internal/agency-vocabulary.js';
import { compareStrings, type ComparedPlan } from './internal/entries.js';
import type { AgencyComparison, AgencyItem, AgencyLead, CoverageMatrix } from './schema.js';

/**
 * A unit's name normalised across levels and local names: 市教育局, 县教育局, 教体局 and 市教育体育局
 * are all 教育部门; 市科协, 县科协, 科协 and 科学技术协会 are 科协; 团市委 and 团县委 are 共青团
 * (vocabulary in `internal/agency-vocabulary.ts`). A unit the vocabulary does not know keeps its name
 * without the level prefix (市委, 县政府 …) and without brackets.
 *
 * @example
 * normaliseAgency('市教育体育局');               // '教育部门'
 * normaliseAgency('县科协');                     // '科协'
 * normaliseAgency('团区委');                     // '共青团'
 * normaliseAgency('县自然资源和规划局（林业局）'); // '自然资源部门'
 * normaliseAgency('市黄河风情线大景区管委会');    // '黄河风情线大景区管委会'
 */
export function normaliseAgency(name: string): string {
  const n = name
    .normalize('NFKC')
    .replace(/\s/gu, '')
    .replace(/\(.*?\)/gu, '')
    .replace(/(牵头|负责|等)$/u, '');
  for (const [re, unit] of AGENCY_UNITS) if (re.test(n)) return unit;
  const bare = n.replace(LEVEL_PREFIX, '');
  return bare.length >= 2 ? bare : n;
}

const ROLE_ORDER: readonly AgencyRole[] = ['牵头', '责任', '配合'];

/**
 * The units that lead each template item in each plan, normalised across levels (`normaliseAgency`):
 * from the section's own agencies (its 牵头单位 line, its closing parenthesised note, an annex table
 * row such as 中山's 工作分工表) and its measures'. The units named as 牵头 are the leads; a plan that
 * names no lead for the item (兰州 writes only 责任单位) gives its 责任 units, then its 配合 units, with
 * the role saying which. Sub-items get the units of the measures aligned with them. Each item also
 * counts how many plans name each unit. Local extras are listed apart with their units.
 *
 * @param plans - The batch in canonical order (see `comparePlans`).
 * @param matrix - The coverage matrix, for the item order and titles.
 * @example
 * const a = compareAgencies(plans, matrix);
 * a.items.find((i) => i.templateId === 'youth')?.units[0]; // { unit: '教育部门', plans: 5 }
 */
export function compareAgencies(plans: readonly ComparedPlan[], matrix: CoverageMatrix): AgencyComparison {
  const byItem = new Map<string, AgencyLead[]>();
  const extras: AgencyComparison['extras'] = [];
  // Unit names recur across thousands of plans: each is normalised once.
  const names = new Map<string, string>();
  const normalise = (name: string) => {
    let n = names.get(name);
    if (n === undefined) names.set(name, (n = normaliseAgency(name)));
    return n;
  };
  const lead = (p: ComparedPlan, agencies: readonly Agency[]) => leadOf(p, agencies, normalise);
  for (const p of plans) {
    const perItem = new Map<string, Agency[]>();
    const add = (id: string, agencies: readonly Agency[]) => {
      if (agencies.length === 0) return;
      const list = perItem.get(id) ?? [];
      list.push(...agencies);
      perItem.set(id, list);
    };
    for (const s of p.report.sections) {
      const all = sectionAgencies(s);
      if (s.templateId !== null) add(s.templateId, all);
      else if (s.kind !== 'other' && all.length > 0) extras.push({ ...lead(p, all), title: s.title });
      for (const m of s.measures) if (m.templateId !== null && m.templateId !== s.templateId) add(m.templateId, m.agencies);
    }
    for (const [id, agencies] of perItem) {
      const list = byItem.get(id) ?? [];
      list.push(lead(p, agencies));
      byItem.set(id, list);
    }
  }
  const order = new Map(matrix.items.map((it, i) => [it.id, i]));
  const titles = new Map(matrix.items.map((it) => [it.id, it.title]));
  const items: AgencyItem[] = [...byItem]
    .sort((a, b) => (order.get(a[0]) ?? Infinity) - (order.get(b[0]) ?? Infinity) || compareStrings(a[0], b[0]))
    .map(([templateId, leads]) => ({
      templateId,
      title: titles.get(templateId) ?? templateId,
      leads: leads.sort((a, b) => compareStrings(a.source, b.source)),
      units: tally(leads),
    }));
  extras.sort((a, b) => compareStrings(a.source, b.source) || compareStrings(a.title, b.title));
  return { items, extras };
}

function sectionAgencies(s: ReportSection): Agency[] {
  return [...s.agencies, ...s.measures.flatMap((m) => m.agencies)];
}

/** The units of the strongest role named, normalised, in order of first mention, duplicates dropped. */
function leadOf(p: ComparedPlan, agencies: readonly Agency[], normalise: (name: string) => string): AgencyLead {
  const role = ROLE_ORDER.find((r) => agencies.some((a) => a.role === r)) ?? '牵头';
  const chosen = agencies.filter((a) => a.role === role).sort((a, b) => a.span.start - b.span.start);
  const units = [...new Set(chosen.map((a) => normalise(a.name)))];
  const raw = [...new Set(chosen.map((a) => a.name))];
  return { source: p.source, region: p.report.region, role, units, raw };
}

function tally(leads: readonly AgencyLead[]): AgencyItem['units'] {
  const counts = new Map<string, Set<string>>();
  for (const l of leads) for (const u of l.units) counts.set(u, (counts.get(u) ?? new Set()).add(l.source));
  return [...counts]
    .map(([unit, s]) => ({ unit, plans: s.size }))
    .sort((a, b) => b.plans - a.plans || compareStrings(a.unit, b.unit));
}
