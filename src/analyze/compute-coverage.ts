import { featuresOf, unionWeights } from '../align/internal/features.js';
import { templateProfile } from '../align/internal/template-profile.js';
import type { PlanAlignment } from '../align/schema.js';
import type { Plan } from '../model/plan.js';
import type { Template } from '../template/schema.js';
import type { Coverage, CoverageCount, CoverageRef, CoverageStatus, ItemCoverage } from './schema.js';

/** Summed keyword weight (about two specific phrases) that counts a sub-item as mentioned in its section. */
const MENTION_WEIGHT = 1.5;

/**
 * Coverage of a template by a plan, from the plan's alignment: a status (full / partial / none, see
 * {@link CoverageStatusSchema}) for every template item, with the sections and measures that cover it,
 * and counts per level with their denominator (`ratio = (covered + 0.5·partial) / total`). A sub-item with
 * no measure of its own is `partial` when its keywords appear in the text of the section aligned with its
 * parent (the plan deals with it inside another measure).
 *
 * @example
 * const a = alignPlan(lanzhou, NATIONAL_2021);
 * const c = computeCoverage(lanzhou, a, NATIONAL_2021);
 * c.sections; // { covered: 9, partial: 0, none: 1, total: 10, ratio: 0.9 } — no exchange project
 */
export function computeCoverage(plan: Plan, alignment: PlanAlignment, template: Template): Coverage {
  const tp = templateProfile(template);
  const refs = new Map<string, CoverageRef[]>();
  const strong = new Set<string>();
  const push = (id: string, ref: CoverageRef) => {
    const list = refs.get(id);
    if (list) list.push(ref);
    else refs.set(id, [ref]);
  };
  const sectionAligned = new Set<string>();
  for (const sa of alignment.sections) {
    if (sa.templateId !== null) {
      push(sa.templateId, { section: sa.index, measure: null });
      sectionAligned.add(sa.templateId);
    }
    for (const ma of sa.measures) {
      if (ma.templateId === null) continue;
      push(ma.templateId, { section: sa.index, measure: ma.index });
      if (ma.relation !== 'narrower') strong.add(ma.templateId);
    }
  }
  // Sub-items dealt with inside the text of the section aligned with their parent.
  const mentioned = new Set<string>();
  for (const sa of alignment.sections) {
    const section = plan.sections[sa.index];
    const top = sa.templateId === null ? undefined : tp.byId.get(sa.templateId);
    if (!section || top === undefined) continue;
    const f = featuresOf(alignment, tp, section, sa.index);
    const texts = [f.intro];
    for (const m of f.measures) texts.push(m.title, m.body);
    const weights = unionWeights(tp, texts);
    for (const c of tp.items[top]!.children) {
      if (weights[c]! >= MENTION_WEIGHT) mentioned.add(tp.items[c]!.item.id);
    }
  }

  const status = new Map<string, CoverageStatus>();
  for (const p of tp.items) {
    if (p.parent === null) continue;
    const id = p.item.id;
    status.set(id, strong.has(id) ? 'full' : refs.has(id) || mentioned.has(id) ? 'partial' : 'none');
  }
  for (const p of tp.items) {
    if (p.parent !== null) continue;
    const kids = p.children.map((c) => status.get(tp.items[c]!.item.id) ?? 'none');
    const full = kids.filter((k) => k === 'full').length;
    const any = kids.some((k) => k !== 'none');
    let s: CoverageStatus;
    if (sectionAligned.has(p.item.id)) s = kids.length === 0 || full * 2 >= kids.length ? 'full' : 'partial';
    else s = any && p.item.kind !== 'org' ? 'partial' : 'none';
    status.set(p.item.id, s);
  }

  const items: ItemCoverage[] = tp.items.map((p) => ({
    id: p.item.id,
    title: p.item.title,
    level: p.item.kind === 'org' ? 'org' : p.parent === null ? 'section' : 'sub-item',
    status: status.get(p.item.id) ?? 'none',
    by: refs.get(p.item.id) ?? [],
  }));
  return {
    templateId: template.id,
    sections: count(items.filter((i) => i.level === 'section')),
    subItems: count(items.filter((i) => i.level === 'sub-item')),
    org: count(items.filter((i) => i.level === 'org')),
    items,
  };
}

function count(items: ItemCoverage[]): CoverageCount {
  const covered = items.filter((i) => i.status === 'full').length;
  const partial = items.filter((i) => i.status === 'partial').length;
  const total = items.length;
  const ratio = total === 0 ? 0 : Math.round(((covered + 0.5 * partial) / total) * 1000) / 1000;
  return { covered, partial, none: total - covered - partial, total, ratio };
}
