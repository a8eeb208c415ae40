import { describe, expect, it } from 'vitest';
import { findDivisionNames, findShortNames } from '../../src/extract/internal/gazetteer.js';

const cities = new Set(['city'] as const);
const names = (text: string) => findShortNames(text, 0, text.length, cities).map((h) => text.slice(h.start, h.end));

describe('findShortNames', () => {
  it('finds a short name wherever it stands, the end of the text included', () => {
    expect(names('兰州全民科学素质行动')).toEqual(['兰州']);
    expect(names('印发单位：兰州')).toEqual(['兰州']);
  });

  it('leaves a short name that a suffix character makes a full name', () => {
    expect(names('兰州市全民科学素质行动')).toEqual([]);
  });
});

describe('findDivisionNames', () => {
  const found = (text: string) => findDivisionNames(text, 0, text.length).map((h) => [h.name, h.start, h.end]);

  it('reads a name at either end of the text', () => {
    expect(found('范县科协')).toEqual([['范县', 0, 2]]);
    expect(found('城关区')).toEqual([['城关区', 0, 3]]);
    expect(found('到城关区')).toEqual([['城关区', 1, 4]]);
    expect(found('甘肃省合作市')).toEqual([['甘肃省', 0, 3], ['合作市', 3, 6]]);
    // A two-character name after another division's name: its suffix character opens the name.
    expect(found('河南省范县')).toEqual([['河南省', 0, 3], ['范县', 3, 5]]);
  });

  it('does not read a name inside a longer word', () => {
    expect(found('示范县')).toEqual([]);
    expect(found('城关区域')).toEqual([]);
    expect(found('合作市场')).toEqual([]);
  });
});
