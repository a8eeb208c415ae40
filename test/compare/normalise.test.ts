import { describe, expect, it } from 'vitest';
import { compareIndicators, normaliseIndicatorKey } from '../../src/compare/compare-indicators.js';
import { normaliseAgency } from '../../src/compare/compare-agencies.js';
import type { ComparedPlan } from '../../src/compare/compare-targets.js';
import type { Indicator } from '../../src/model/plan.js';
import type { ReportPlan } from '../../src/analyze/analysis-report.js';

describe('normaliseAgency', () => {
  it.each([
    ['市教育局', '教育部门'],
    ['县教育局', '教育部门'],
    ['教体局', '教育部门'],
    ['市教育体育局', '教育部门'],
    ['市科协', '科协'],
    ['县科协', '科协'],
    ['科协', '科协'],
    ['区科学技术协会', '科协'],
    ['团市委', '共青团'],
    ['团区委', '共青团'],
    ['市委组织部', '组织部门'],
    ['县委宣传部', '宣传部门'],
    ['市卫健委', '卫生健康部门'],
    ['县卫生健康委', '卫生健康部门'],
    ['市卫生健康局', '卫生健康部门'],
    ['市人社局', '人社部门'],
    ['县人力资源和社会保障局', '人社部门'],
    ['人力社保局', '人社部门'],
    ['市经信局', '工信部门'],
    ['市工业和信息化局', '工信部门'],
    ['县经济和信息化局', '工信部门'],
    ['市市场监管局', '市场监管部门'],
    ['县自然资源和规划局（林业局）', '自然资源部门'],
    ['市委老干部局', '老干部局'],
    ['总工会', '工会'],
    ['各镇（园区）', '下级政府'],
    ['宗教局', '民族宗教部门'],
    ['市黄河风情线大景区管委会', '黄河风情线大景区管委会'],
  ])('%s → %s', (name, unit) => {
    expect(normaliseAgency(name)).toBe(unit);
  });
});

describe('normaliseIndicatorKey', () => {
  it.each([
    ['建立科技小院', '科技小院'],
    ['建成科技小院', '科技小院'],
    ['科技志愿者注册人数', '科技志愿者'],
    ['注册科技（科普）志愿者', '科技志愿者'],
    ['注册成立的科技志愿服务组织', '科技志愿服务组织'],
    ['市级科普基地', '科普基地'],
    ['国家级科普教育基地', '科普基地'],
    ['市级科普教育基地', '科普基地'],
    ['中小学生研学实践教育基地', '研学实践教育基地'],
    ['培育高素质农民', '高素质农民'],
    ['完成各类农民培训', '农民培训'],
    ['培训科学类教师', '科学教师培训'],
    ['居民健康素养水平', '健康素养水平'],
    ['高技能人才', '高技能人才'],
    ['技能人才', '技能人才'],
    ['“科技兴趣”社团', '科技兴趣社团'],
  ])('%s → %s', (name, key) => {
    expect(normaliseIndicatorKey(name)).toBe(key);
  });
});

describe('compareIndicators', () => {
  const span = { start: 0, end: 1 };
  const ind = (name: string, value: number, unit: string, extra: Partial<Indicator> = {}): Indicator => ({
    name, value, unit, comparator: '=', year: null, perYear: false, raw: name, span, ...extra,
  });
  const plan = (source: string, region: string, indicators: Indicator[]): ComparedPlan =>
    ({ index: 0, source, read: false, plan: null, text: null, report: { source, region, indicators } as unknown as ReportPlan });

  it('keeps units honest: 万人 → 人, 名 → 人, 人次 apart from 人', () => {
    const rows = compareIndicators([
      plan('a.txt', '甲市', [ind('培育高素质农民', 2, '万人'), ind('科技志愿者', 300, '名')]),
      plan('b.txt', '乙县', [ind('培育高素质农民', 5000, '人'), ind('高素质农民培训', 8000, '人次')]),
    ]);
    const people = rows.find((r) => r.key === '高素质农民' && r.unit === '人');
    expect(people?.values.map((v) => [v.source, v.value])).toEqual([
      ['a.txt', 20000],
      ['b.txt', 5000],
    ]);
    expect(rows.find((r) => r.key === '高素质农民' && r.unit === '人次')?.values.map((v) => v.value)).toEqual([8000]);
    expect(rows.find((r) => r.key === '科技志愿者')?.unit).toBe('人');
    expect(rows[0]?.plans).toBe(2);
  });

  it('counts a figure a plan states twice once, keeping the dated one', () => {
    const rows = compareIndicators([
      plan('a.txt', '甲市', [ind('建立科技小院', 4, '个'), ind('科技小院', 4, '个', { year: 2025, span: { start: 50, end: 60 } })]),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.values).toMatchObject([{ value: 4, year: 2025, name: '科技小院' }]);
  });
});
