import { describe, expect, it } from 'vitest';
import { alignPlan } from '../../src/align/align-plan.js';
import { PlanAlignmentSchema } from '../../src/align/schema.js';
import { foldScript } from '../../src/align/internal/fold-script.js';
import { NATIONAL_2021 } from '../../src/template/national-2021.js';
import { makePlan } from './make-plan.js';

const { plan, text } = makePlan([
  {
    title: '青少年科学素质提升行动',
    measures: [
      { title: '将弘扬科学精神贯穿于育人全链条', body: '实施科学家精神进校园行动，将科学精神融入课堂教学和课外实践活动。' },
      { title: '高等教育', body: '推进科学基础课程建设，深入实施大学生创新创业训练计划。' },
      { title: '实施教师科学素质提升工程和科技创新后备人才培育计划', body: '加大科学教师培训力度，开展英才计划，对有科学家潜质的青少年进行个性化培养。' },
    ],
  },
  {
    title: '老年人科学素质提升行动',
    measures: [
      { title: '实施智慧助老行动', body: '普及智能技术知识和技能，提升老年人信息获取、识别和使用能力。' },
      { title: '实施智慧助老行动，办好老年大学科普课堂', body: '依托老年大学开设智能手机课程，帮助老年人跨越数字鸿沟。' },
      { title: '加强老年人健康科普服务', body: '普及合理膳食、合理用药等知识，提高老年人健康素养。' },
    ],
  },
  {
    title: '服务机制重构工程',
    measures: [
      { title: '健全基层科普服务体系', body: '依托新时代文明实践中心、党群服务中心，发展科技志愿者，推进志愿服务。' },
      { title: '建立应急科普协同机制', body: '突发事件状态下开展应急科普，做好舆情引导。' },
    ],
  },
  {
    title: '寺庙僧尼科学素质提升行动',
    measures: [{ title: '加强寺庙科普阵地建设', body: '建立寺庙科普活动站，提升僧尼群众综合素质。' }],
  },
]);
const a = alignPlan(plan, NATIONAL_2021, { text });
const section = (title: string) => a.sections.find((s) => s.title === title)!;
const measure = (title: string) => a.sections.flatMap((s) => s.measures).find((m) => m.title === title)!;

describe('alignPlan relations', () => {
  it('returns a valid PlanAlignment, one entry per section in plan order', () => {
    expect(PlanAlignmentSchema.safeParse(a).success).toBe(true);
    expect(a.sections.map((s) => s.index)).toEqual([0, 1, 2, 3]);
  });

  it('equivalent: the same heading', () => {
    expect(measure('实施智慧助老行动')).toMatchObject({ templateId: 'elderly.digital', relation: 'equivalent' });
    expect(section('老年人科学素质提升行动')).toMatchObject({ templateId: 'elderly', relation: 'equivalent' });
  });

  it('narrower: the local heading is a part of the template heading; a section reaching few sub-items', () => {
    const { plan: p } = makePlan([
      { title: '老年人科学素质提升行动', measures: [{ title: '实施智慧助老行动', body: '' }, { title: '开展智慧助老培训', body: '智能技术' }] },
    ]);
    expect(alignPlan(p, NATIONAL_2021).sections[0]).toMatchObject({ templateId: 'elderly', relation: 'narrower' });
    expect(measure('高等教育')).toMatchObject({ templateId: 'youth.higher-education', relation: 'narrower' });
  });

  it('broader: the local heading holds the template heading and more, or spans two items', () => {
    expect(measure('实施智慧助老行动，办好老年大学科普课堂')).toMatchObject({ templateId: 'elderly.digital', relation: 'broader' });
    const two = measure('实施教师科学素质提升工程和科技创新后备人才培育计划');
    expect(['youth.teachers', 'youth.talent']).toContain(two.templateId);
    expect(two.relation).toBe('broader');
  });

  it('overlapping: a renamed section recognised by its keywords and measures', () => {
    const s = section('服务机制重构工程');
    expect(s).toMatchObject({ templateId: 'grassroots', relation: 'overlapping' });
    expect(s.measures.map((m) => m.templateId)).toEqual(['grassroots.services', 'grassroots.emergency']);
    expect(s.evidence.some((e) => e.source === 'measures')).toBe(true);
  });

  it('none: a local extra, with an info diagnostic', () => {
    const s = section('寺庙僧尼科学素质提升行动');
    expect(s).toMatchObject({ templateId: null, relation: 'none' });
    expect(s.measures[0]).toMatchObject({ templateId: null, relation: 'none' });
    expect(a.diagnostics.some((d) => d.code === 'align/low-confidence' && d.span?.start === plan.sections[3]!.titleSpan.start)).toBe(true);
  });

  it('confidences are in 0..1 and higher for exact headings than for renamed ones', () => {
    for (const s of a.sections) {
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
    expect(section('老年人科学素质提升行动').confidence).toBeGreaterThan(section('服务机制重构工程').confidence);
  });

  it('evidence spans point at the phrase in the text as read', () => {
    const all = a.sections.flatMap((s) => [...s.evidence, ...s.measures.flatMap((m) => m.evidence)]);
    const spanned = all.filter((e) => e.span);
    expect(spanned.length).toBeGreaterThan(10);
    for (const e of spanned) expect(text.slice(e.span!.start, e.span!.end)).toBe(e.phrase);
  });

  it('without the text, heading phrases still get spans (through each heading’s raw text)', () => {
    const b = alignPlan(plan, NATIONAL_2021);
    const titled = b.sections.flatMap((s) => s.measures.flatMap((m) => m.evidence)).filter((e) => e.source === 'title');
    expect(titled.length).toBeGreaterThan(0);
    for (const e of titled) expect(text.slice(e.span!.start, e.span!.end)).toBe(e.phrase);
    expect(b.sections.flatMap((s) => s.measures.flatMap((m) => m.evidence)).filter((e) => e.source === 'body').every((e) => !e.span)).toBe(true);
  });

  it('omits a span it cannot trust (the raw heading does not fit its span, no text)', () => {
    const shifted = structuredClone(plan);
    shifted.sections[1]!.measures[0]!.titleSpan = { start: 0, end: 3 };
    shifted.sections[1]!.measures[0]!.raw = '其他';
    const b = alignPlan(shifted, NATIONAL_2021);
    expect(b.sections[1]!.measures[0]!.evidence.every((e) => !e.span)).toBe(true);
  });

  it('a measure lands on another section’s sub-item only when its content clearly says so', () => {
    const { plan: p } = makePlan([
      {
        title: '青少年科学素质提升行动',
        measures: [
          { title: '提升基础教育阶段科学教育水平', body: '倡导启发式、探究式、开放式教学。' },
          { title: '建立应急科普宣教协同机制', body: '在校园开展应急科普，推进防灾减灾、应急避险知识进学校，突发事件状态下做好舆情引导。' },
          { title: '开展科普活动', body: '组织学生参加科技节。' },
        ],
      },
      { title: '基层科普能力提升工程', measures: [{ title: '健全基层科普服务体系', body: '' }] },
    ]);
    const b = alignPlan(p, NATIONAL_2021);
    expect(b.sections[0]!.measures[1]).toMatchObject({ templateId: 'grassroots.emergency', crossSection: true });
    expect(b.sections[0]!.measures[2]!.templateId?.startsWith('youth.')).toBe(true);
    expect(b.sections[0]!.measures[2]!.crossSection).toBe(false);
  });

  it('reads traditional script', () => {
    const { plan: p, text: t } = makePlan([
      { title: '實施老年人科學素質提升行動', measures: [{ title: '實施智慧助老行動', body: '普及智能技術知識和技能' }] },
      { title: '科普信息化提升工程', measures: [{ title: '實施全媒體科學傳播能力提升計劃', body: '推進傳統媒體與新媒體深度融合' }] },
    ]);
    const b = alignPlan(p, NATIONAL_2021, { text: t });
    expect(b.sections.map((s) => s.templateId)).toEqual(['elderly', 'digital']);
    expect(b.sections.map((s) => s.measures[0]!.templateId)).toEqual(['elderly.digital', 'digital.media']);
    // spans point into the traditional text; folded, the slice is the (simplified) phrase
    const spanned = b.sections.flatMap((s) => s.measures.flatMap((m) => m.evidence)).filter((x) => x.span);
    expect(spanned.length).toBeGreaterThan(2);
    for (const e of spanned) expect(foldScript(t.slice(e.span!.start, e.span!.end))).toBe(e.phrase);
  });
});

describe('local extras are not forced onto missing template items', () => {
  it('a plan without an elderly action keeps its 社区居民 and 妇女 actions as extras', () => {
    const { plan } = makePlan([
      { title: '青少年科学素质提升行动', measures: [{ title: '提升基础教育阶段科学教育水平', body: '' }] },
      { title: '农民科学素质提升行动', measures: [{ title: '实施高素质农民培育计划', body: '' }] },
      { title: '产业工人科学素质提升行动', measures: [{ title: '实施职业技能提升行动', body: '' }] },
      { title: '领导干部和公务员科学素质提升行动', measures: [{ title: '加强科学素质教育培训', body: '' }] },
      {
        title: '社区居民科学素质提升行动',
        measures: [
          { title: '丰富社区科普活动', body: '依托社区科普大学、科普活动室，开展社区居民科普讲座和科普展览。' },
          { title: '提升社区居民防灾意识', body: '普及防灾减灾、卫生健康知识。' },
        ],
      },
      { title: '妇女科学素质提升行动', measures: [{ title: '开展巾帼科普', body: '面向城乡妇女开展家庭教育、卫生健康科普。' }] },
    ]);
    const a = alignPlan(plan, NATIONAL_2021);
    expect(a.sections.map((s) => s.templateId)).toEqual(['youth', 'farmers', 'workers', 'officials', null, null]);
  });
});

describe('sections without measures', () => {
  it('are placed by their intro when the parser found no measures in them', () => {
    const { plan } = makePlan([
      {
        title: '服务机制重构工程',
        intro: '健全基层科普服务体系，依托新时代文明实践中心、党群服务中心开展科技志愿服务，建立应急科普宣教协同机制，做好突发事件应急科普。',
      },
      { title: '媒体传播创新工程', intro: '推进传统媒体与新媒体深度融合，实施全媒体科学传播能力提升计划，建设智慧科普平台。' },
    ]);
    const a = alignPlan(plan, NATIONAL_2021);
    expect(a.sections.map((s) => s.templateId)).toEqual(['grassroots', 'digital']);
  });
});
