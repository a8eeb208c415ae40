import { describe, expect, it } from 'vitest';
import { extractBasis } from '../../src/extract/extract-basis.js';
import { extractDocNumber } from '../../src/extract/extract-doc-number.js';
import { mapIdentity } from '../../src/text/mapped-text.js';
import { loadGold, loadSeed } from './helpers.js';

/** The front matter of a seed: up to its first action heading. */
const front = (text: string) => {
  const at = text.search(/\n[二三]、(?:五大|重点任务|提升行动)|二、重点任务/u);
  return at < 0 ? text.length : at;
};

describe('extractBasis on the seeds', () => {
  const gold = loadGold();
  it.each(['000', '001', '002', '003'])('seed %s: the gold numbers, normalised, with their evidence', (prefix) => {
    const { file, original, mt } = loadSeed(prefix);
    const basis = extractBasis(mt, 0, front(mt.text));
    const numbers = basis.flatMap((b) => (b.docNumber ? [b.docNumber] : []));
    expect(numbers).toEqual(gold.find((p) => p.file === file)!.basis);
    for (const b of basis) {
      const evidence = original.slice(b.span.start, b.span.end).normalize('NFKC').replace(/\s/gu, '');
      if (b.title) expect(evidence).toContain(b.title);
      if (b.docNumber) expect(evidence).toContain(b.docNumber);
    }
  });

  it('seed 001: levels and regions from numbers and titles', () => {
    const { mt } = loadSeed('001');
    const basis = extractBasis(mt, 0, front(mt.text));
    expect(basis.map((b) => [b.docNumber, b.level, b.region])).toEqual([
      ['国发〔2021〕9号', 'national', null],
      ['皖政办秘〔2021〕121号', 'province', '安徽省'],
      ['宿政办秘〔2022〕25号', 'city', '宿州市'],
    ]);
  });

  it('seed 002: laws are national basis too', () => {
    const { mt } = loadSeed('002');
    const basis = extractBasis(mt, 0, front(mt.text));
    expect(basis.map((b) => [b.title, b.level])).toEqual([
      ['中华人民共和国科学技术进步法', 'national'],
      ['中华人民共和国科学技术普及法', 'national'],
      ['全民科学素质行动规划纲要(2021—2035年)', 'national'],
      ['西藏自治区全民科学素质行动计划纲要实施方案(2021—2025年)', 'province'],
    ]);
  });

  it('seed 003: the provincial plan without a number; neither aliases nor the previous plan', () => {
    const { mt } = loadSeed('003');
    const basis = extractBasis(mt, 0, front(mt.text));
    expect(basis.find((b) => b.title?.startsWith('广东省全民科学素质'))).toMatchObject({ docNumber: null, level: 'province', region: '广东省' });
    expect(basis.map((b) => b.title)).not.toContain('科学素质纲要');
    expect(basis.some((b) => b.title?.includes('2016-2020'))).toBe(false);
    expect(basis.some((b) => b.docNumber === '中府函〔2022〕420号')).toBe(false);
  });

  it('seed 004: notices that lost their 《》', () => {
    const { mt } = loadSeed('004');
    const basis = extractBasis(mt, 0, front(mt.text));
    expect(basis.map((b) => [b.title, b.level])).toEqual([
      ['关于印发全民科学素质行动规划纲要(20212035年)的通知', 'national'],
      ['关于印发全民科学素质行动规划纲要实施方案(20212025年)的通知', 'unknown'],
    ]);
  });
});

describe('extractBasis on other phrasings', () => {
  it('normalises brackets and reads bare numbers after 根据', () => {
    const mt = mapIdentity('根据国办发[2016]10号和甘纲要办发(2022)1号文件精神,按照《XX市实施方案》(兰政办发〔2022〕第3号),制定本方案。');
    expect(extractBasis(mt, 0, mt.text.length).map((b) => [b.docNumber, b.level])).toEqual([
      ['国办发〔2016〕10号', 'national'],
      ['甘纲要办发〔2022〕1号', 'province'],
      ['兰政办发〔2022〕3号', 'unknown'],
    ]);
  });

  it('reads a title cited by 深入实施, not one mentioned in passing', () => {
    const mt = mapIdentity('为深入实施《全民科学素质行动规划纲要(2021—2035年)》,制定本方案。《XX市实施方案(2016-2020年)》实施以来,成效明显。');
    expect(extractBasis(mt, 0, mt.text.length).map((b) => [b.title, b.level])).toEqual([['全民科学素质行动规划纲要(2021—2035年)', 'national']]);
  });

  it('keeps a document cited twice once', () => {
    const mt = mapIdentity('依据《广东省科学技术普及条例》制定。贯彻落实《广东省科学技术普及条例》。');
    expect(extractBasis(mt, 0, mt.text.length)).toHaveLength(1);
  });
});

describe('extractDocNumber', () => {
  it('seed 003: the labelled 文号', () => {
    const { mt, original } = loadSeed('003');
    const own = extractDocNumber(mt, 0, front(mt.text));
    expect(own?.docNumber).toBe('中府函〔2022〕420号');
    expect(original.slice(own!.span.start, own!.span.end)).toBe('中府函〔2022〕420号');
  });

  it('a number alone on its line under the title', () => {
    const mt = mapIdentity('砀山县人民政府关于印发砀山县全民科学素质行动规划纲要实施方案的通知\n砀政〔2022〕12号\n各乡镇:');
    expect(extractDocNumber(mt, 0, mt.text.length)?.docNumber).toBe('砀政〔2022〕12号');
  });

  it.each(['000', '001', '002', '004'])('seed %s has none of its own', (prefix) => {
    const { mt } = loadSeed(prefix);
    expect(extractDocNumber(mt, 0, front(mt.text))).toBeNull();
  });
});
