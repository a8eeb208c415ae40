import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/index.js';
import { extractRegion } from '../../src/extract/extract-region.js';
import { mapIdentity } from '../../src/text/mapped-text.js';
import { lineOf, loadGold, loadSeed } from './helpers.js';

const TITLES: Record<string, string | null> = {
  '000': '兰州市全民科学素质行动规划纲要实施方案',
  '001': '砀山县全民科学素质行动规划纲要',
  '002': '拉萨市全民科学素质行动计划纲要实施方案',
  '003': '中山市全民科学素质行动规划纲要实施方案',
  '004': null,
};
const read = (text: string, titled = false) => {
  const diagnostics: Diagnostic[] = [];
  const mt = mapIdentity(text);
  const region = extractRegion(mt, titled ? { start: 0, end: text.indexOf('\n') < 0 ? text.length : text.indexOf('\n') } : null, diagnostics);
  return { region, codes: diagnostics.map((d) => d.code) };
};

describe('extractRegion on the seeds', () => {
  const gold = loadGold();
  it.each(Object.keys(TITLES))('seed %s, with and without its title', (prefix) => {
    const { file, original, mt } = loadSeed(prefix);
    const g = gold.find((p) => p.file === file)!;
    const needle = TITLES[prefix];
    for (const title of [needle ? lineOf(mt, needle) : null, null]) {
      const diagnostics: Diagnostic[] = [];
      const region = extractRegion(mt, title, diagnostics);
      expect(region).toMatchObject({ name: g.region, level: g.level });
      expect(region!.parents[region!.parents.length - 1]).toBe(g.province);
      if (g.parent) expect(region!.parents[0]).toBe(g.parent);
      expect(region!.code).toMatch(/^\d{6}$/u);
      expect(g.region).toContain(original.slice(region!.span!.start, region!.span!.end));
      expect(diagnostics).toEqual([]);
    }
  });

  it('seed 004 is inferred from the short name 上虞 and our district', () => {
    const { mt } = loadSeed('004');
    expect(extractRegion(mt, null, [])).toMatchObject({ name: '上虞区', code: '330604', parents: ['绍兴市', '浙江省'], source: 'inferred' });
  });

  it('sources: title first, then the body', () => {
    const { mt } = loadSeed('000');
    expect(extractRegion(mt, lineOf(mt, TITLES['000']!), [])?.source).toBe('title');
    expect(extractRegion(mt, null, [])?.source).toBe('body');
  });
});

describe('extractRegion on other texts', () => {
  it('follows adjacent names in the title to the most specific one', () => {
    expect(read('浙江省绍兴市上虞区全民科学素质行动规划纲要实施方案', true).region).toMatchObject({
      name: '上虞区',
      level: 'district',
      parents: ['绍兴市', '浙江省'],
      source: 'title',
    });
  });

  it('settles a shared name (城关区) by the higher divisions the text names', () => {
    expect(read('城关区全民科学素质行动实施方案\n结合兰州市要求,我区…', true).region).toMatchObject({ code: '620102', parents: ['兰州市', '甘肃省'] });
    expect(read('城关区全民科学素质行动实施方案\n按照拉萨市要求,我区…', true).region).toMatchObject({ code: '540102', parents: ['拉萨市', '西藏自治区'] });
    const { region, codes } = read('城关区全民科学素质行动实施方案\n我区…', true);
    expect(region?.name).toBe('城关区');
    expect(codes).toEqual(['plan/region-uncertain']);
  });

  it('prefers the body name at the level of the self-reference', () => {
    expect(read('根据安徽省和宿州市的要求,结合我县实际。砀山县科普人物评选。安徽省科普基地。').region).toMatchObject({ name: '砀山县', source: 'body' });
  });

  it('does not read places inside words (示范县, 科普资源, 馆校合作)', () => {
    const { region, codes } = read('开展科普示范县创建,整合科普资源,推进馆校合作,结合我县实际。');
    expect(region).toBeNull();
    expect(codes).toEqual(['plan/no-region']);
  });

  it('Level of a prefecture city without counties is city', () => {
    expect(read('中山市全民科学素质行动规划纲要实施方案', true).region).toMatchObject({ level: 'city', parents: ['广东省'] });
  });
});
