import { describe, expect, it } from 'vitest';
import { alignPlan } from '../../src/align/align-plan.js';
import { analyzePlan } from '../../src/analyze/analyze-plan.js';
import { chooseTemplate } from '../../src/template/choose-template.js';
import { EARLIER_2016 } from '../../src/template/earlier-2016.js';
import { loadTemplate } from '../../src/template/load-template.js';
import { NATIONAL_2021 } from '../../src/template/national-2021.js';
import { TemplateSchema } from '../../src/template/schema.js';
import { templateFromPlan } from '../../src/analyze/template-from-plan.js';
import { makePlan, target } from './make-plan.js';
import { parsePlan } from '../../src/parse/parse-plan.js';
import { seedFiles } from '../seeds.js';

const OUTLINE_IDS = [
  'youth', 'youth.spirit', 'youth.basic-education', 'youth.higher-education', 'youth.talent', 'youth.school-community', 'youth.teachers',
  'farmers', 'farmers.mindset', 'farmers.training', 'farmers.revitalization', 'farmers.special-regions',
  'workers', 'workers.ideals', 'workers.skills-china', 'workers.vocational', 'workers.entrepreneurs',
  'elderly', 'elderly.digital', 'elderly.health', 'elderly.silver',
  'officials', 'officials.new-concepts', 'officials.training', 'officials.recruitment',
  'resources', 'resources.mechanism', 'resources.special-action', 'resources.responsibility',
  'digital', 'digital.creation', 'digital.media', 'digital.smart',
  'infrastructure', 'infrastructure.planning', 'infrastructure.museums', 'infrastructure.bases',
  'grassroots', 'grassroots.emergency', 'grassroots.services', 'grassroots.talent',
  'exchange', 'exchange.channels', 'exchange.content',
  'org', 'org.leadership', 'org.mechanisms', 'org.resources', 'org.schedule',
];

describe('built-in templates', () => {
  it('validate against TemplateSchema', () => {
    expect(TemplateSchema.safeParse(NATIONAL_2021).success).toBe(true);
    expect(TemplateSchema.safeParse(EARLIER_2016).success).toBe(true);
  });

  it('the 2021 outline has the ids of national-outline.md and its targets', () => {
    expect(NATIONAL_2021.items.map((i) => i.id)).toEqual(OUTLINE_IDS);
    expect(NATIONAL_2021.targets).toEqual([
      { metric: '公民具备科学素质的比例', year: 2025, value: 15, comparator: '>' },
      { metric: '公民具备科学素质的比例', year: 2035, value: 25, comparator: '>=' },
    ]);
    expect(NATIONAL_2021.baseline).toMatchObject({ year: 2020, value: 10.56 });
  });

  it('the earlier template: four groups, six projects, 10%以上 in 2020', () => {
    const tops = EARLIER_2016.items.filter((i) => i.parent === null && i.kind !== 'org');
    expect(tops.filter((i) => i.kind === 'action').map((i) => i.title)).toEqual([
      '青少年科学素质行动', '农民科学素质行动', '城镇劳动者科学素质行动', '领导干部和公务员科学素质行动',
    ]);
    expect(tops.filter((i) => i.kind === 'project')).toHaveLength(6);
    expect(EARLIER_2016.targets).toEqual([{ metric: '公民具备科学素质的比例', year: 2020, value: 10, comparator: '>=' }]);
  });
});

describe('loadTemplate', () => {
  it('accepts a valid template as JSON text', () => {
    const r = loadTemplate(JSON.stringify(NATIONAL_2021));
    expect(r.diagnostics).toEqual([]);
    expect(r.template?.items).toHaveLength(NATIONAL_2021.items.length);
  });

  it('reads a template file saved with a BOM', () => {
    const r = loadTemplate(`\ufeff${JSON.stringify(NATIONAL_2021)}`, 'notepad.json');
    expect(r.diagnostics).toEqual([]);
    expect(r.template?.id).toBe('national-2021');
  });

  it('reports bad JSON as input/bad-json without throwing', () => {
    const r = loadTemplate('{ "id": ', 'bad.json');
    expect(r.template).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: 'input/bad-json', severity: 'error', source: 'bad.json' }]);
  });

  it('reports schema problems as input/bad-model with zod paths', () => {
    const broken = structuredClone(NATIONAL_2021) as unknown as { items: Record<string, unknown>[]; period: { end: number } };
    broken.items[3]!['parent'] = 'nowhere';
    broken.items[5]!['keywords'] = 'not a list';
    broken.period.end = 2000;
    const r = loadTemplate(broken);
    expect(r.template).toBeNull();
    const paths = r.diagnostics.map((d) => d.path);
    expect(paths).toContainEqual(['items', 5, 'keywords']);
    expect(r.diagnostics.every((d) => d.code === 'input/bad-model')).toBe(true);
    // refinements run once the shape is right
    const shapeOk = structuredClone(NATIONAL_2021);
    shapeOk.items[3] = { ...shapeOk.items[3]!, parent: 'nowhere' };
    shapeOk.items.push({ ...shapeOk.items[0]! });
    const r2 = loadTemplate(shapeOk);
    expect(r2.diagnostics.map((d) => d.path)).toEqual(expect.arrayContaining([['items', 3, 'parent'], ['items', shapeOk.items.length - 1, 'id']]));
  });

  it('never throws on odd input', () => {
    for (const x of [null, 42, [], 'null', '[]', { items: [] }]) expect(loadTemplate(x).template).toBeNull();
  });
});

describe('chooseTemplate', () => {
  const basis = (docNumber: string) => ({ title: null, docNumber, level: 'national' as const, region: null, raw: docNumber, span: { start: 0, end: 0 } });

  it('by basis first', () => {
    expect(chooseTemplate(makePlan([], { basis: [basis('国办发〔2016〕10号')] }).plan)).toMatchObject({ reason: 'basis', template: { id: 'earlier-2016' } });
    expect(chooseTemplate(makePlan([], { basis: [basis('国发[2021]9号')] }).plan)).toMatchObject({ reason: 'basis', template: { id: 'national-2021' } });
    // a 2021 plan that also cites the 2006 outline as history
    expect(chooseTemplate(makePlan([], { basis: [basis('国发〔2006〕7号'), basis('国发〔2021〕9号')] }).plan).template.id).toBe('national-2021');
  });

  it('then by period', () => {
    expect(chooseTemplate(makePlan([], { period: { start: 2016, end: 2020, basis: 'stated', raw: '' } }).plan)).toMatchObject({ reason: 'period', template: { id: 'earlier-2016' } });
    expect(chooseTemplate(makePlan([], { period: { start: 2021, end: 2025, basis: 'stated', raw: '' } }).plan).template.id).toBe('national-2021');
  });

  it('else the default', () => {
    expect(chooseTemplate(makePlan([], { period: null }).plan)).toMatchObject({ reason: 'default', template: { id: 'national-2021' } });
  });
});

describe('templateFromPlan', () => {
  const province = makePlan(
    [
      { title: '青少年科学素质提升行动', measures: [{ title: '提升基础教育阶段科学教育水平', body: '' }, { title: '实施教师科学素质提升工程', body: '' }] },
      { title: '基层科普能力提升工程', measures: [{ title: '健全基层科普服务体系', body: '' }] },
      { title: '科普产业繁荣工程', measures: [{ title: '推动科普产业园建设', body: '建设科普产业园，发展科普展品研发。' }] },
    ],
    { targets: [target(16, '>', 2025)], title: '某省全民科学素质行动规划纲要实施方案', docNumber: '某政办发〔2022〕1号' },
  ).plan;
  const t = templateFromPlan(province);
  const city = makePlan([
    { title: '实施青少年科学素质提升行动', measures: [{ title: '加强科学教师队伍建设', body: '加大科学教师培训力度。' }] },
    { title: '实施科普产业发展工程', measures: [{ title: '建设科普产业园', body: '发展科普展品研发。' }] },
  ]).plan;

  it('is a valid template for a plan with a heading that has no words (a bare （二） line), and serves as one', () => {
    let headingsTried = 0;
    for (const s of seedFiles()) {
      const plan = parsePlan(s.text, { source: s.file });
      for (const section of plan.sections.filter((x) => x.kind !== 'other' && x.label).slice(0, 3)) {
        const titleSpan = section.titleSpan!;
        const line = s.text.slice(titleSpan.start, titleSpan.end);
        // The heading's label alone on its line, its words gone.
        const bare = `${s.text.slice(0, titleSpan.start)}${section.label}${s.text.slice(titleSpan.end)}`;
        const damaged = parsePlan(bare, { source: `parent-${s.file}` });
        const empty = damaged.sections.find((x) => x.title === '');
        if (!empty || line === '') continue;
        headingsTried++;
        const t = templateFromPlan(damaged);
        expect(TemplateSchema.safeParse(t).success, `${s.file}: ${line}`).toBe(true);
        expect(() => analyzePlan(plan, t)).not.toThrow();
      }
    }
    expect(headingsTried).toBeGreaterThan(0);
  });

  it('is a valid template with national ids where the province aligns, local ids elsewhere', () => {
    expect(TemplateSchema.safeParse(t).success).toBe(true);
    expect(t.items.filter((i) => i.kind !== 'org').map((i) => i.id)).toEqual([
      'youth', 'youth.basic-education', 'youth.teachers', 'grassroots', 'grassroots.services', 'local-1', 'local-1.m1',
    ]);
    expect(t.targets).toEqual([{ metric: '公民具备科学素质的比例', year: 2025, value: 16, comparator: '>' }]);
    expect(t.basis[0]).toBe('某政办发〔2022〕1号');
  });

  it('keeps the base template\'s organisation items whole: the same fields in the same order', () => {
    const org = t.items.filter((i) => i.kind === 'org');
    expect(org.length).toBeGreaterThan(0);
    for (const it of org) {
      const national = NATIONAL_2021.items.find((n) => n.id === it.id)!;
      expect(it).toEqual(national);
      // Copies: the template made is the caller's to change.
      expect(it.aliases).not.toBe(national.aliases);
      expect(it.keywords).not.toBe(national.keywords);
    }
    expect(org.map((i) => Object.keys(i))).toEqual(org.map(() => ['id', 'title', 'kind', 'parent', 'aliases', 'keywords']));
  });

  it('aligns a plan the same before and after other templates were used (their work arrays are shared)', () => {
    const first = alignPlan(city, NATIONAL_2021);
    // In between, a plan that grows the shared arrays past their first size (64): a long heading (its
    // bigrams), 80 measures in one section (their order), bodies with hundreds of the template's
    // phrases (the phrases found). (An item has fewer phrases than that: its evidence picks stay within.)
    const words = [...new Set(NATIONAL_2021.items.flatMap((i) => i.keywords))];
    expect(words.length).toBeGreaterThan(64);
    const long = makePlan([
      {
        title: '加强青少年科学教育和科普产业园区建设'.repeat(8),
        measures: Array.from({ length: 80 }, (_, k) => ({ title: `推动科普产业园建设${k + 1}`, body: `${words.slice(k % 7).join('、')}。` })),
      },
    ]).plan;
    const once = alignPlan(long, NATIONAL_2021);
    expect(once.sections[0]!.measures).toHaveLength(80);
    alignPlan(long, t);
    expect(alignPlan(long, NATIONAL_2021)).toEqual(once);
    alignPlan(city, t);
    expect(alignPlan(city, NATIONAL_2021)).toEqual(first);
  });

  it('serves as the template of a city plan', () => {
    const a = alignPlan(city, t);
    expect(a.sections.map((s) => s.templateId)).toEqual(['youth', 'local-1']);
    expect(a.sections[0]!.measures[0]!.templateId).toBe('youth.teachers');
    expect(a.sections[1]!.measures[0]!.templateId).toBe('local-1.m1');
  });
});

describe('the earlier template in use', () => {
  it('aligns a 2016–2020 plan section by section; its measures are no extras', () => {
    const { plan } = makePlan(
      [
        { title: '实施青少年科学素质行动', measures: [{ title: '完善基础教育阶段的科技教育', body: '' }] },
        { title: '实施农民科学素质行动', measures: [] },
        { title: '实施城镇劳动者科学素质行动', measures: [{ title: '开展职工技能培训', body: '进城务工人员职业技能培训' }] },
        { title: '实施领导干部和公务员科学素质行动', measures: [] },
        { title: '实施社区科普益民工程', measures: [] },
        { title: '实施科普产业助力工程', measures: [] },
        { title: '实施科普人才建设工程', measures: [] },
      ],
      { period: { start: 2016, end: 2020, basis: 'stated', raw: '' }, targets: [target(10, '>=', 2020)] },
    );
    const r = analyzePlan(plan);
    expect(r.template.id).toBe('earlier-2016');
    expect(r.alignment.sections.map((s) => s.templateId)).toEqual(['youth', 'farmers', 'workers', 'officials', 'community', 'industry', 'talent']);
    expect(r.extras).toEqual([]);
    expect(r.missing).toEqual(['education-training', 'digital', 'infrastructure']);
    expect(r.target).toMatchObject({ verdict: 'meets', delta: 0 });
  });
});
