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
  // Each plan's agencies by item, in order of first mention of the item (the map is cleared per plan).
  const perItem = new Map<string, Agency[]>();
  const add = (id: string, agencies: readonly Agency[]) => {
    if (agencies.length === 0) return;
    let list = perItem.get(id);
    if (list === undefined) perItem.set(id, (list = []));
    for (let i = 0; i < agencies.length; i++) list.push(agencies[i]!);
  };
  for (let pi = 0; pi < plans.length; pi++) {
    const p = plans[pi]!;
    perItem.clear();
    const sections = p.report.sections;
    for (let si = 0; si < sections.length; si++) {
      const s = sections[si]!;
      if (s.templateId !== null) add(s.templateId, sectionAgencies(s));
      else if (s.kind !== 'other') {
        const all = sectionAgencies(s);
        if (all.length > 0) {
          const l = leadOf(p, all, normalise);
          extras.push({ source: l.source, region: l.region, role: l.role, units: l.units, raw: l.raw, title: s.title });
        }
      }
      for (let mi = 0; mi < s.measures.length; mi++) {
        const m = s.measures[mi]!;
        if (m.templateId !== null && m.templateId !== s.templateId) add(m.templateId, m.agencies);
      }
    }
    perItem.forEach((agencies, id) => {
      const l = leadOf(p, agencies, normalise);
      const list = byItem.get(id);
      if (list === undefined) byItem.set(id, [l]);
      else list.push(l);
    });
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

/** The section's own agencies, then each measure's, in order (no copy when the measures name none). */
function sectionAgencies(s: ReportSection): readonly Agency[] {
  let all: Agency[] | null = null;
  for (let mi = 0; mi < s.measures.length; mi++) {
    const agencies = s.measures[mi]!.agencies;
    if (agencies.length === 0) continue;
    if (all === null) all = s.agencies.slice();
    for (let i = 0; i < agencies.length; i++) all.push(agencies[i]!);
  }
  return all ?? s.agencies;
}

/** The units of the strongest role named, normalised, in order of first mention, duplicates dropped. */
function leadOf(p: ComparedPlan, agencies: readonly Agency[], normalise: (name: string) => string): AgencyLead {
  // The strongest role present: 牵头, else 责任, else 配合 (牵头 when none is, as ROLE_ORDER's find gave).
  let rank = ROLE_ORDER.length;
  for (let i = 0; i < agencies.length; i++) {
    const r = ROLE_ORDER.indexOf(agencies[i]!.role);
    if (r >= 0 && r < rank) rank = r;
  }
  const role = rank < ROLE_ORDER.length ? ROLE_ORDER[rank]! : '牵头';
  const chosen: Agency[] = [];
  let sorted = true;
  for (let i = 0; i < agencies.length; i++) {
    const a = agencies[i]!;
    if (a.role !== role) continue;
    if (chosen.length > 0 && a.span.start < chosen[chosen.length - 1]!.span.start) sorted = false;
    chosen.push(a);
  }
  // A stable sort of a list already in order leaves it as it is.
  if (!sorted) chosen.sort((a, b) => a.span.start - b.span.start);
  const units: string[] = [];
  const raw: string[] = [];
  for (let i = 0; i < chosen.length; i++) {
    const name = chosen[i]!.name;
    const u = normalise(name);
    if (!units.includes(u)) units.push(u);
    if (!raw.includes(name)) raw.push(name);
  }
  return { source: p.source, region: p.report.region, role, units, raw };
}

/**
 * How many plans name each unit, most first. `leads` are sorted by source, so a source's leads are
 * adjacent: a unit's plans are counted as its changes of source (what a set of sources would hold).
 */
function tally(leads: readonly AgencyLead[]): AgencyItem['units'] {
  const counts = new Map<string, { plans: number; last: string }>();
  for (let li = 0; li < leads.length; li++) {
    const l = leads[li]!;
    for (let ui = 0; ui < l.units.length; ui++) {
      const u = l.units[ui]!;
      const c = counts.get(u);
      if (c === undefined) counts.set(u, { plans: 1, last: l.source });
      else if (c.last !== l.source) {
        c.plans++;
        c.last = l.source;
      }
    }
  }
  const out: AgencyItem['units'] = [];
  counts.forEach((c, unit) => out.push({ unit, plans: c.plans }));
  return out.sort((a, b) => b.plans - a.plans || compareStrings(a.unit, b.unit));
}
