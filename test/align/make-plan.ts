// Builds small Plans with consistent spans from a list of sections, for unit and property tests.
import type { Plan, Section, Target } from '../../src/model/plan.js';

export interface SectionSpec {
  title: string;
  kind?: 'action' | 'project' | 'other';
  intro?: string;
  measures?: { title: string; body?: string }[];
}

/** Lays the sections out as a text (heading lines, `1.标题。正文` measures) and returns the plan and text. */
export function makePlan(specs: SectionSpec[], extra: Partial<Plan> = {}): { plan: Plan; text: string } {
  let text = '某市全民科学素质行动规划纲要实施方案\n';
  const sections: Section[] = [];
  specs.forEach((s, i) => {
    const start = text.length;
    text += `(${i + 1})`;
    const titleStart = text.length;
    text += s.title;
    const titleEnd = text.length;
    text += '\n';
    const intro = s.intro ?? '';
    text += intro ? `${intro}\n` : '';
    const measures = (s.measures ?? []).map((m, j) => {
      const mStart = text.length;
      text += `${j + 1}.`;
      const tStart = text.length;
      text += m.title;
      const tEnd = text.length;
      const body = m.body ?? '';
      text += `。${body}\n`;
      return { title: m.title, raw: m.title, label: `${j + 1}.`, body, agencies: [], span: { start: mStart, end: text.length }, titleSpan: { start: tStart, end: tEnd } };
    });
    sections.push({
      kind: s.kind ?? (/工程$/u.test(s.title) ? 'project' : /行动$/u.test(s.title) ? 'action' : 'other'),
      title: s.title,
      raw: s.title,
      label: `(${i + 1})`,
      intro,
      measures,
      agencies: [],
      span: { start, end: text.length },
      titleSpan: { start: titleStart, end: titleEnd },
    });
  });
  const plan: Plan = {
    source: 'test.txt',
    title: null,
    region: null,
    level: 'unknown',
    period: { start: 2022, end: 2025, basis: 'stated', raw: '2022-2025' },
    draft: false,
    docNumber: null,
    basis: [],
    parts: [],
    sections,
    targets: [],
    indicators: [],
    truncated: false,
    textLength: text.length,
    diagnostics: [],
    ...extra,
  };
  return { plan, text };
}

export function target(value: number, comparator: Target['comparator'], year: number | null, extra: Partial<Target> = {}): Target {
  return {
    metric: '公民具备科学素质的比例',
    role: 'headline',
    value,
    unit: '%',
    year,
    comparator,
    qualifiers: [],
    aspirational: false,
    raw: '',
    span: { start: 0, end: 0 },
    ...extra,
  };
}
