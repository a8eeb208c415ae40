import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as extract from '../../src/extract/index.js';
import type { Diagnostic, Span } from '../../src/model/index.js';
import { DiagnosticSchema, IndicatorSchema, TargetSchema, BasisDocumentSchema, RegionSchema, PeriodSchema, AgencySchema } from '../../src/model/index.js';
import type { MappedText } from '../../src/text/mapped-text.js';
import { loadSeed, normalise } from './helpers.js';

/** Runs every extractor over the whole text and returns what they produced. */
function runAll(mt: MappedText) {
  const n = mt.text.length;
  const diagnostics: Diagnostic[] = [];
  const title = { start: 0, end: Math.min(n, 30) };
  return {
    diagnostics,
    targets: extract.extractTargets(mt, { periodEnd: 2025 }, diagnostics),
    indicators: extract.extractIndicators(mt, diagnostics),
    notes: extract.findAgencyNotes(mt, 0, n),
    annex: extract.extractAnnexAgencies(mt, 0, n),
    basis: extract.extractBasis(mt, 0, n),
    docNumber: extract.extractDocNumber(mt, 0, n),
    region: extract.extractRegion(mt, title, diagnostics),
    period: extract.extractPeriod(mt, title, diagnostics),
    draft: extract.detectDraft(mt, diagnostics),
  };
}

function spansOf(out: ReturnType<typeof runAll>): Span[] {
  const spans: Span[] = [];
  const add = (s: Span | undefined) => s && spans.push(s);
  for (const x of [...out.targets, ...out.indicators, ...out.basis]) add(x.span);
  for (const n of out.notes) for (const a of n.agencies) add(a.span);
  for (const r of out.annex) [r.span, ...r.lead.map((a) => a.span), ...r.responsible.map((a) => a.span)].forEach(add);
  add(out.docNumber?.span);
  add(out.region?.span);
  add(out.period?.span);
  for (const d of out.diagnostics) add(d.span);
  return spans;
}

const ALPHABET = [
  ...'到2025年,。;、()[]《》“”:公民具备科学素质的比例达到超过左右以上15%人次个万一二十百千第号〔〕国发市县区兰州砀山上虞我全牵头责任单位部门负责\n ',
  '具备科学素质的比例',
  '(责任单位:',
  '按职责分工负责)',
  '序号\n工作内容\n牵头单位\n责任单位\n',
];

describe('robustness', () => {
  it('never throws on content; every output fits its schema and its span fits the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 300 }), (parts) => {
        const original = parts.join('');
        const out = runAll(normalise(original));
        for (const s of spansOf(out)) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeGreaterThanOrEqual(s.start);
          expect(s.end).toBeLessThanOrEqual(original.length);
        }
        out.targets.forEach((t) => TargetSchema.parse(t));
        out.indicators.forEach((i) => IndicatorSchema.parse(i));
        out.basis.forEach((b) => BasisDocumentSchema.parse(b));
        out.notes.forEach((n) => n.agencies.forEach((a) => AgencySchema.parse(a)));
        out.diagnostics.forEach((d) => DiagnosticSchema.parse(d));
        if (out.region) RegionSchema.parse(out.region);
        if (out.period) PeriodSchema.parse(out.period);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    const { mt } = loadSeed('003');
    expect(JSON.stringify(runAll(mt))).toBe(JSON.stringify(runAll(mt)));
  });

  it('stays linear on hostile input (long runs of digits, numerals, brackets, no punctuation)', () => {
    const hostile = [
      '1'.repeat(200_000),
      '一二三四五六七八九十'.repeat(20_000),
      '('.repeat(50_000) + ')'.repeat(50_000),
      '《'.repeat(100_000),
      '具备科学素质的比例'.repeat(20_000),
      '市县区'.repeat(60_000),
      '国发〔2021〕'.repeat(20_000),
      '根据'.repeat(100_000),
    ];
    for (const text of hostile) {
      // Catastrophic backtracking would hang here and trip the test timeout; speed itself is the
      // benchmark's business (npm run bench), not a unit test's.
      expect(() => runAll(normalise(text)), text.slice(0, 12)).not.toThrow();
    }
  });

  it('rejects bad ranges as API misuse', () => {
    const mt = normalise('abc');
    expect(() => extract.findAgencyNotes(mt, 0, 10)).toThrow(RangeError);
    expect(() => extract.extractBasis(mt, 2, 1)).toThrow(RangeError);
    expect(() => extract.extractAnnexAgencies(mt, -1, 2)).toThrow(RangeError);
    expect(() => extract.extractDocNumber(mt, 0, 4)).toThrow(RangeError);
  });
});
