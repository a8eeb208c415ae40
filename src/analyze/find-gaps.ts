import type { PlanAlignment } from '../align/schema.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Plan } from '../model/plan.js';
import type { Template, TemplateItem } from '../template/schema.js';
import { computeCoverage } from './compute-coverage.js';
import type { Coverage, CoverageStatus, Extra, Gaps, ItemCoverage } from './schema.js';

/**
 * What a plan lacks and what it adds. `missing`: template ids with nothing in the plan — top-level
 * actions and projects, and sub-items whose parent is there (a missing project's sub-items are implied);
 * 组织实施 items only when a section of the plan was aligned with one (plans' 组织实施 parts are rarely
 * read as sections). `extras`: sections and measures with no counterpart. When the text stops early
 * (`plan.truncated`), missing items that come after the last aligned section (in template order), or
 * belong to it, are listed in `possiblyTruncated` and each gets an `analyze/possibly-truncated-gap`
 * caution.
 *
 * @param coverage - The plan's coverage if already computed (else computed here).
 * @example
 * const g = findGaps(shangyu, alignPlan(shangyu, NATIONAL_2021), NATIONAL_2021);
 * g.missing;           // ['youth.basic-education', …, 'exchange']
 * g.possiblyTruncated; // ['exchange'] — the text is a preview that stops in the grassroots project
 */
export function findGaps(plan: Plan, alignment: PlanAlignment, template: Template, coverage?: Coverage): Gaps {
  const cov = coverage ?? computeCoverage(plan, alignment, template);
  const status = cov.items;
  let assessOrg = false;
  for (const s of alignment.sections) if (s.templateId !== null && hasItem(template, s.templateId, 'org')) assessOrg = true;
  const missing: string[] = [];
  // A template of hundreds of items is looked up in a map (searching it for each item took seconds).
  const byId = status.length > 64 ? new Map(status.map((i) => [i.id, i.status])) : null;
  const of = (id: string) => (byId ? byId.get(id) : statusOf(status, id));
  for (const it of template.items) {
    if ((it.kind !== 'org' || assessOrg) && of(it.id) === 'none' && (it.parent === null || of(it.parent) !== 'none')) missing.push(it.id);
  }

  const extras: Extra[] = [];
  for (const sa of alignment.sections) {
    const section = plan.sections[sa.index];
    if (!section) continue;
    if (sa.templateId === null) extras.push({ kind: 'section', section: sa.index, measure: null, title: section.title, span: section.span });
    // Under an item with no sub-items in the template (the earlier template), measures are no extras.
    else if (!hasChild(template, sa.templateId)) continue;
    for (let j = 0; j < sa.measures.length; j++) {
      const ma = sa.measures[j]!;
      const m = section.measures[ma.index];
      if (m && ma.templateId === null) extras.push({ kind: 'measure', section: sa.index, measure: ma.index, title: m.title, span: m.span });
    }
  }

  const possiblyTruncated: string[] = [];
  const diagnostics: Diagnostic[] = [];
  if (plan.truncated && missing.length > 0) {
    const order = new Map(template.items.filter((i) => i.parent === null).map((it, k) => [it.id, k]));
    const last = [...alignment.sections]
      .filter((s) => s.templateId !== null && plan.sections[s.index])
      .sort((a, b) => plan.sections[b.index]!.span.start - plan.sections[a.index]!.span.start)[0];
    const lastOrder = last ? (order.get(last.templateId!) ?? -1) : -1;
    const items = new Map(template.items.map((i) => [i.id, i] as const));
    for (const id of missing) {
      const item = items.get(id)!;
      const top = item.parent ?? item.id;
      if (top === last?.templateId || (order.get(top) ?? -1) > lastOrder) {
        possiblyTruncated.push(id);
        diagnostics.push({
          code: 'analyze/possibly-truncated-gap',
          severity: 'warning',
          message: `${id} (${item.title}) is missing, but the text stops early: it may be in the part that was cut off`,
        });
      }
    }
  }
  return { missing, possiblyTruncated, extras, diagnostics };
}

/**
 * The status of an id in a coverage, as a map from the coverage's ids would give it (the last item of
 * an id wins): a search backwards through a few dozen items, no map made per plan.
 */
function statusOf(items: readonly ItemCoverage[], id: string): CoverageStatus | undefined {
  for (let k = items.length - 1; k >= 0; k--) if (items[k]!.id === id) return items[k]!.status;
  return undefined;
}

/** Whether the template has an item of that id and kind. */
function hasItem(template: Template, id: string, kind: TemplateItem['kind']): boolean {
  for (const it of template.items) if (it.id === id && it.kind === kind) return true;
  return false;
}

/** Whether some item of the template has `id` as its parent. */
function hasChild(template: Template, id: string): boolean {
  for (const it of template.items) if (it.parent === id) return true;
  return false;
}
