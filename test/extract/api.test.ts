import { expect, it } from 'vitest';
import * as extract from '../../src/extract/index.js';
import * as basis from '../../src/extract/extract-basis.js';

it('exports exactly the extractor API', () => {
  expect(Object.keys(extract).sort()).toEqual([
    'detectDraft',
    'extractAnnexAgencies',
    'extractBasis',
    'extractDocNumber',
    'extractIndicators',
    'extractPeriod',
    'extractRegion',
    'extractTargets',
    'findAgencyNotes',
    'parseAgencyList',
    'parseChineseNumber',
  ]);
});

it('extractDocNumber can also be imported from extract-basis', () => {
  expect(basis.extractDocNumber).toBe(extract.extractDocNumber);
});
