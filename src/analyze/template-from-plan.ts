import { alignPlan } from '../align/align-plan.js';
import type { Plan } from '../model/plan.js';
import { chooseTemplate } from '../template/choose-template.js';
import type { Template, TemplateItem } from '../template/schema.js';

/** Options of {@link templateFromPlan}. */
export interface TemplateFromPlanOptions {
  /** The template the plan itself implements, to borrow ids, aliases and keywords from; chosen from the plan when omitted. */
  base?: Template;
}

/**
 * Turns a plan into a template, so that a provincial plan can serve as the template of its cities.
 * Each action or project becomes a top-level item and each of its measures a sub-item. Where the plan
 * aligns with its own template (the national outline, usually), the item keeps that template's id and
 * borrows its title as an alias and its keywords, so cities compared against the province still report
 * national ids; a local extra gets `local-N` and its measures `local-N.mK`. The organisation items of the
 * base template are kept. Targets and baseline come from the plan's headline and baseline figures.
 *
 * @example
 * const gansu = templateFromPlan(parsePlan(gansuText, { source: '甘肃.txt' }));
 * const a = alignPlan(lanzhouPlan, gansu); // ids like 'youth', 'grassroots.services', 'local-1'
 */
export function templateFromPlan(plan: Plan, options: TemplateFromPlanOptions = {}): Template {
  const base = options.base ?? chooseTemplate(plan).template;
  const alignment = alignPlan(plan, base);
  const baseById = new Map(base.items.map((i) => [i.id, i]));
  const used = new Set<string>();
  const items: TemplateItem[] = [];
  let local = 0;
  const fresh = (wanted: string | null, fallback: () => string): string => {
    if (wanted !== null && !used.has(wanted)) {
      used.add(wanted);
      return wanted;
    }
    let id = fallback();
    while (used.has(id)) id = `${id}-x`;
    used.add(id);
    return id;
  };
  alignment.sections.forEach((sa) => {
    const section = plan.sections[sa.index]!;
    if (section.kind === 'other') return;
    const kind = section.kind;
    const from = sa.templateId === null ? undefined : baseById.get(sa.templateId);
    const id = fresh(from ? from.id : null, () => `local-${++local}`);
    // A heading with no words (a bare （二） line) still names an item: by its label, else its place.
    const title = section.title || section.label?.trim() || `${kind === 'action' ? '行动' : '工程'} ${sa.index + 1}`;
    items.push({
      id,
      title,
      kind,
      parent: null,
      aliases: from ? [...new Set([from.title, ...from.aliases])].filter((a) => a !== title) : noWords(),
      keywords: from ? from.keywords.slice() : noWords(),
    });
    sa.measures.forEach((ma, j) => {
      const m = section.measures[ma.index]!;
      const child = ma.templateId === null ? undefined : baseById.get(ma.templateId);
      const own = child && child.parent === from?.id ? child.id : null;
      const cid = fresh(own, () => `${id}.m${j + 1}`);
      items.push({
        id: cid,
        title: m.title || `${title} ${j + 1}`,
        kind,
        parent: id,
        aliases: child ? [...new Set([child.title, ...child.aliases])].filter((a) => a !== m.title) : noWords(),
        keywords: child ? child.keywords.slice() : noWords(),
      });
    });
  });
  for (const it of base.items) {
    // Written out (not spread): a spread copy is an object of another shape than the items made here.
    if (it.kind === 'org' && !used.has(it.id)) {
      items.push({ id: it.id, title: it.title, kind: it.kind, parent: it.parent, aliases: it.aliases.slice(), keywords: it.keywords.slice() });
    }
  }
  const headline = plan.targets.filter((t) => t.role === 'headline' && t.year !== null && t.unit === '%');
  const baseline = plan.targets.find((t) => t.role === 'baseline' && t.year !== null && t.unit === '%');
  return {
    id: `plan:${plan.source}`,
    title: plan.title ?? plan.source,
    period: plan.period ? { start: plan.period.start, end: plan.period.end } : { ...base.period },
    basis: [...(plan.docNumber ? [plan.docNumber] : []), ...base.basis],
    items: items.length > 0 ? items : base.items,
    targets: headline.map((t) => ({ metric: t.metric, year: t.year!, value: t.value, comparator: t.comparator })),
    baseline: baseline ? { metric: baseline.metric, year: baseline.year!, value: baseline.value } : null,
  };
}

/** The lists of words read with a template's items. */
const WORDS: readonly string[] = ['item'];

/**
 * An empty list of words of the kind a filled one is (V8 keeps `[]` as a list of small integers until
 * something is added): code reading template items then meets one kind of list, whichever template.
 */
function noWords(): string[] {
  return WORDS.slice(0, 0);
}
