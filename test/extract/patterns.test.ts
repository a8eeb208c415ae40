import { describe, expect, it } from 'vitest';
import * as P from '../../src/extract/internal/patterns.js';
import { findYearPhrases } from '../../src/extract/internal/years.js';

const units = (text: string) => [...text.matchAll(P.INDICATOR_FIGURE)].map((m) => `${m.groups!['num']}${m.groups!['mult'] ?? ''}${m.groups!['unit']}`);

describe('patterns', () => {
  it('every exported regex carries the u flag', () => {
    for (const [name, value] of Object.entries(P)) {
      if (value instanceof RegExp) expect(value.flags, name).toContain('u');
    }
  });

  it('YEAR_RANGE reads dashes, 至 and a lost dash', () => {
    const read = (s: string) => [...s.matchAll(P.YEAR_RANGE)].map((m) => [m.groups!['a'], m.groups!['b']]);
    expect(read('(2022-2025年)(2021—2025)(2021年至2025年)(20222025年)')).toEqual([
      ['2022', '2025'],
      ['2021', '2025'],
      ['2021', '2025'],
      ['2022', '2025'],
    ]);
    expect(read('202220253')).toEqual([]);
  });

  it('YEAR_PHRASE via findYearPhrases: deadlines, ends of plans, not dates or range ends', () => {
    const text = '到2025年,“十三五”末,2020年底,截至2021年,2022年12月28日,2021-2025年';
    expect(findYearPhrases(text, 0, text.length).map((y) => [y.year, y.future, y.endOf, y.asOf])).toEqual([
      [2025, true, false, false],
      [2020, false, true, false],
      [2020, false, true, false],
      [2021, false, false, true],
    ]);
  });

  it('DEADLINE_YEAR marks 截至/截止到 dates as of a date; REACHED_WORD takes 已 and 了 forms only', () => {
    const years = (s: string) => [...s.matchAll(P.DEADLINE_YEAR)].map((m) => [m[0], m.groups!['asOf'] !== undefined]);
    expect(years('到2025年,至2020年,截至2020年底,截止到2019年,截止至2018年,截止2017年')).toEqual([
      ['到2025年', false],
      ['至2020年', false],
      ['截至2020年', true],
      ['截止到2019年', true],
      ['截止至2018年', true],
    ]);
    const words = (s: string) => [...s.matchAll(P.REACHED_WORD)].map((m) => m[0]);
    expect(words('已完成,已经实现,达到了,完成了,圆满完成,如期完成,确保完成,已有')).toEqual(['已完成', '已经实现', '达到了', '完成了']);
  });

  it('TARGET_METRIC covers the usual wordings', () => {
    for (const s of ['公民具备科学素质的比例', '公民具备基本科学素质的比例', '具备科学素质的公民比例', '具备科学素质的公民的比例', '公民科学素质达标率']) {
      expect(s.match(P.TARGET_METRIC)?.[0], s).toBeDefined();
    }
    expect('公民具备科学素质是指'.match(P.TARGET_METRIC)).toBeNull();
  });

  it('INDICATOR_FIGURE keeps units apart from the words they start', () => {
    expect(units('2万人(次)、3个月、100人才、5场馆、十四五期间、3项目、2部门、1000人次、20个百分点、50个')).toEqual([
      '2万人(次)',
      '1000人次',
      '20个百分点',
      '50个',
    ]);
  });

  it('DOC_NUMBER_TAIL reads every bracket style', () => {
    const read = (s: string) => [...s.matchAll(P.DOC_NUMBER_TAIL)].map((m) => `${m.groups!['year']}/${m.groups!['num']}`);
    expect(read('国发〔2021〕9号 国办发[2016]10号 甘纲要办发(2022)1号 X【2020】第3号')).toEqual(['2021/9', '2016/10', '2022/1', '2020/3']);
  });

  it('ROLE_TAIL and GENERIC_UNIT', () => {
    expect('科协牵头'.match(P.ROLE_TAIL)?.groups?.['lead']).toBe('牵头');
    expect('县科协按职责分工负责'.match(P.ROLE_TAIL)?.groups?.['resp']).toBe('按职责分工负责');
    expect('市科协配合'.match(P.ROLE_TAIL)?.groups?.['assist']).toBe('配合');
    for (const g of ['其他成员单位', '各成员单位', '科素领导小组其他成员单位', '各有关部门', '其他成员', '县全民科学素质工作领导小组各成员单位']) {
      expect(P.GENERIC_UNIT.test(g), g).toBe(true);
    }
    for (const u of ['市科协', '各镇(园区)', '县自然资源和规划局(林业局)', '团市委']) expect(P.GENERIC_UNIT.test(u), u).toBe(false);
  });

  it('SELF_REFERENCE and DRAFT_MARK', () => {
    expect([...'结合我区实际,全县,本市,我自治区'.matchAll(P.SELF_REFERENCE)].map((m) => m[0])).toEqual(['我区', '全县', '本市', '我自治区']);
    expect(P.DRAFT_MARK.test('(征求意见稿)')).toBe(true);
  });
});
