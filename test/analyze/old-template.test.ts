import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../../src/analyze/analyze-plan.js';
import { parsePlan } from '../../src/parse/parse-plan.js';

// A 2016–2020 plan, written for this test in the style of its time.
const OLD = `某某市全民科学素质行动计划纲要实施方案(2016—2020年)
根据《国务院办公厅关于印发全民科学素质行动计划纲要实施方案(2016—2020年)的通知》(国办发〔2016〕10号),结合我市实际,制定本方案。
一、目标
到2020年,我市公民具备科学素质的比例达到10%以上。
二、重点任务
(一)青少年科学素质行动
1.推进义务教育阶段科学教育。加强科学课程建设。
(二)农民科学素质行动
1.开展农民科技培训。提高农民科学生产能力。
(三)城镇劳动者科学素质行动
1.开展职业技能培训。提高职工技能。
(四)领导干部和公务员科学素质行动
1.加强科学素质培训。提高科学决策能力。
三、组织实施
(一)加强领导。成立领导小组。
`;

describe('a plan of the earlier outline', () => {
  it('is compared with the 2016–2020 template and says so', () => {
    const plan = parsePlan(OLD, { source: 'old.txt' });
    expect(plan.period).toMatchObject({ start: 2016, end: 2020 });
    const a = analyzePlan(plan, undefined, { text: OLD });
    expect(a.template.id).toBe('earlier-2016');
    expect(a.diagnostics.map((d) => d.code)).toContain('plan/old-template');
    expect(a.target?.verdict).toBe('meets');
    expect(a.alignment.sections.map((s) => s.templateId)).toEqual(expect.arrayContaining(['youth', 'farmers']));
  });
});

describe('a plan of the current outline that reviews the last one first', () => {
  const REVIEW = `某县全民科学素质行动实施方案
一、主要目标
到2020年,全县公民具备科学素质的比例达到8%,已完成"十三五"目标。到2025年,全县公民具备科学素质的比例达到12%。
二、重点任务
(一)实施青少年科学素质提升行动
激发青少年好奇心和想象力。
`;

  it('is read as 2021–2025 with its own target, the past value its baseline, and compared with the current template', () => {
    const plan = parsePlan(REVIEW, { source: 'review.txt' });
    expect(plan.period).toMatchObject({ start: 2021, end: 2025, basis: 'implied', raw: '到2025年' });
    const headline = plan.targets.find((t) => t.role === 'headline')!;
    expect(headline).toMatchObject({ value: 12, year: 2025 });
    expect(REVIEW.slice(headline.span.start, headline.span.end)).toBe('全县公民具备科学素质的比例达到12%');
    expect(plan.targets.find((t) => t.role === 'baseline')).toMatchObject({ value: 8, year: 2020 });
    const a = analyzePlan(plan, undefined, { text: REVIEW });
    expect(a.template.id).not.toBe('earlier-2016');
    expect(a.diagnostics.map((d) => d.code)).not.toContain('plan/old-template');
  });

  it('leaves a 2016–2020 plan without its title period as it was', () => {
    const plan = parsePlan(OLD.replace('(2016—2020年)\n', '\n'), { source: 'old.txt' });
    expect(plan.period).toMatchObject({ start: 2016, end: 2020, basis: 'implied' });
    expect(plan.targets.find((t) => t.role === 'headline')).toMatchObject({ value: 10, year: 2020 });
  });
});
