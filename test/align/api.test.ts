import { describe, expect, it } from 'vitest';
import * as align from '../../src/align/index.js';
import * as analyze from '../../src/analyze/index.js';
import * as template from '../../src/template/index.js';

// Pins the public API of templates, alignment and analysis: adding or removing an export is deliberate.
describe('public API', () => {
  it('template', () => {
    expect(Object.keys(template).sort()).toEqual(
      [
        'EARLIER_2016',
        'NATIONAL_2021',
        'TemplateBaselineSchema',
        'TemplateItemKindSchema',
        'TemplateItemSchema',
        'TemplateSchema',
        'TemplateTargetSchema',
        'chooseTemplate',
        'loadTemplate',
      ].sort(),
    );
  });

  it('align', () => {
    expect(Object.keys(align).sort()).toEqual(
      ['AlignOptionsSchema', 'EvidenceSchema', 'EvidenceSourceSchema', 'MeasureAlignmentSchema', 'PlanAlignmentSchema', 'RelationSchema', 'SectionAlignmentSchema', 'alignPlan'].sort(),
    );
  });

  it('analyze', () => {
    expect(Object.keys(analyze).sort()).toEqual(
      [
        'BaselineComparisonSchema',
        'CoverageCountSchema',
        'CoverageRefSchema',
        'CoverageSchema',
        'CoverageStatusSchema',
        'DeltaBoundSchema',
        'ExtraSchema',
        'GapsSchema',
        'ItemCoverageSchema',
        'PlanAnalysisSchema',
        'TargetComparisonSchema',
        'TargetVerdictSchema',
        'templateFromPlan',
        'headlineTarget',
        'analyzePlan',
        'compareBaseline',
        'compareTarget',
        'computeCoverage',
        'findGaps',
      ].sort(),
    );
  });

  it('modules under src/ never import node: built-ins (they run in browsers)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = join(import.meta.dirname, '..', '..', 'src');
    const files = ['template', 'align', 'align/internal', 'analyze'].flatMap((d) =>
      readdirSync(join(root, d))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => join(root, d, f)),
    );
    for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toMatch(/from ['"]node:|require\(/u);
  });
});
