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
  const n = tp.items.length;
  // By item, at the index `tp.byId` gives its id (so they read as maps by id would): the references to
  // it, and marks. Ids the template does not have are never read, and not kept. The lists of references
  // are counted first and made at their size (they are kept in the result).
  const sections = alignment.sections;
  const sizes = new Array<number>(n).fill(0);
  for (let i = 0; i < sections.length; i++) {
    const sa = sections[i]!;
    const k = sa.templateId === null ? undefined : tp.byId.get(sa.templateId);
    if (k !== undefined) sizes[k]!++;
    for (let j = 0; j < sa.measures.length; j++) {
      const id = sa.measures[j]!.templateId;
      const km = id === null ? undefined : tp.byId.get(id);
      if (km !== undefined) sizes[km]!++;
    }
  }
  const refs = new Array<CoverageRef[] | undefined>(n).fill(undefined);
  for (let k = 0; k < n; k++) if (sizes[k]! > 0) refs[k] = new Array<CoverageRef>(sizes[k]!);
  // `sizes` now counts down to each list's next free place from its end: filled in the order found.
  const marks = new Uint8Array(n);
  for (let i = 0; i < sections.length; i++) {
    const sa = sections[i]!;
    if (sa.templateId !== null) {
      const k = tp.byId.get(sa.templateId);
      if (k !== undefined) {
        addRef(refs, sizes, k, { section: sa.index, measure: null });
        marks[k]! |= SECTION_ALIGNED;
      }
    }
    for (let j = 0; j < sa.measures.length; j++) {
      const ma = sa.measures[j]!;
      if (ma.templateId === null) continue;
      const k = tp.byId.get(ma.templateId);
      if (k === undefined) continue;
      addRef(refs, sizes, k, { section: sa.index, measure: ma.index });
      if (ma.relation !== 'narrower') marks[k]! |= STRONG;
    }
  }
  // Sub-items dealt with inside the text of the section aligned with their parent.
  const weights = tp.scratch.union;
  for (let i = 0; i < sections.length; i++) {
    const sa = sections[i]!;
    const section = plan.sections[sa.index];
    const top = sa.templateId === null ? undefined : tp.byId.get(sa.templateId);
    if (!section || top === undefined) continue;
    const f = featuresOf(alignment, tp, section, sa.index);
    // The section's weights by item, in the profile's work array (cleared after reading).
    unionWeights(tp, f, weights);
    const children = tp.items[top]!.children;
    for (let j = 0; j < children.length; j++) {
      const c = children[j]!;
      if (weights[c]! >= MENTION_WEIGHT) marks[tp.byId.get(tp.items[c]!.item.id)!]! |= MENTIONED;
    }
    weights.fill(0);
  }

  // Statuses by item (at the index of its id, as above).
  const status = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = tp.items[i]!;
    if (p.parent === null) continue;
    const k = tp.byId.get(p.item.id)!;
    status[k] = marks[k]! & STRONG ? FULL : refs[k] !== undefined || marks[k]! & MENTIONED ? PARTIAL : NONE;
  }
  for (let i = 0; i < n; i++) {
    const p = tp.items[i]!;
    if (p.parent !== null) continue;
    let full = 0;
    let any = false;
    for (let j = 0; j < p.children.length; j++) {
      const kid = status[tp.byId.get(tp.items[p.children[j]!]!.item.id)!]!;
      if (kid === FULL) full++;
      if (kid !== NONE) any = true;
    }
    const k = tp.byId.get(p.item.id)!;
    if (marks[k]! & SECTION_ALIGNED) status[k] = p.children.length === 0 || full * 2 >= p.children.length ? FULL : PARTIAL;
    else status[k] = any && p.item.kind !== 'org' ? PARTIAL : NONE;
  }

  const items = new Array<ItemCoverage>(n);
  const counts = [new Counter(), new Counter(), new Counter()];
  for (let i = 0; i < n; i++) {
    const p = tp.items[i]!;
    const k = tp.byId.get(p.item.id)!;
    const level = p.item.kind === 'org' ? 'org' : p.parent === null ? 'section' : 'sub-item';
    items[i] = { id: p.item.id, title: p.item.title, level, status: STATUS_NAMES[status[k]!]!, by: refs[k] ?? [] };
    counts[level === 'section' ? 0 : level === 'sub-item' ? 1 : 2]!.add(status[k]!);
  }
  return {
    templateId: template.id,
    sections: counts[0]!.count(),
    subItems: counts[1]!.count(),
    org: counts[2]!.count(),
    items,
  };
}

/** Marks of an item in {@link computeCoverage}: a measure aligned with it other than as narrower, a section aligned with it, its keywords in its parent's section. */
const STRONG = 1;
const SECTION_ALIGNED = 2;
const MENTIONED = 4;

/** Statuses as small numbers while they are worked out. */
const NONE = 0;
const PARTIAL = 1;
const FULL = 2;
const STATUS_NAMES: readonly CoverageStatus[] = ['none', 'partial', 'full'];

/** Puts a reference in the next free place of item `k`'s list (`left[k]` places left). */
function addRef(refs: (CoverageRef[] | undefined)[], left: number[], k: number, ref: CoverageRef): void {
  const list = refs[k]!;
  list[list.length - left[k]!--] = ref;
}

/** Counts the statuses of one level's items. */
class Counter {
  private covered = 0;
  private partial = 0;
  private total = 0;

  add(status: number): void {
    this.total++;
    if (status === FULL) this.covered++;
    else if (status === PARTIAL) this.partial++;
  }

  count(): CoverageCount {
    const { covered, partial, total } = this;
    const ratio = total === 0 ? 0 : Math.round(((covered + 0.5 * partial) / total) * 1000) / 1000;
    return { covered, partial, none: total - covered - partial, total, ratio };
  }
}
