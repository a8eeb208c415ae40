import { describe, expect, it } from 'vitest';
import { findShortNames } from '../../src/extract/internal/gazetteer.js';

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
