// TEST SCAFFOLDING ONLY. Builds minimal Plans from the seed texts by locating the hand-read gold
// headings with indexOf, for testing alignment before (or independently of) the real parser. Nothing
// here is used by the library; the library never sees the gold titles.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Measure, Plan, Section, Target } from '../../src/model/plan.js';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..', '..');
export const SEEDS_DIR = join(ROOT, 'seeds');
export const GOLD_PATH = join(ROOT, '..', 'shared', 'gold', 'seeds.gold.json');

export interface GoldSection {
  title: string;
  kind: 'action' | 'project';
  id: string | null;
}
export interface GoldMeasure {
  section: string | null;
  title: string;
  accept: (string | null)[];
}
export interface GoldPlan {
  file: string;
  period: [number, number];
  truncated?: boolean;
  target: { value: number; year: number; comparator: '>' | '>=' | '~' | '='; qualifiers: string[] };
  sections: GoldSection[];
  measures: GoldMeasure[];
  missingSections: string[];
}

export const hasGold = (): boolean => existsSync(GOLD_PATH);

export function loadGold(): GoldPlan[] {
  return (JSON.parse(readFileSync(GOLD_PATH, 'utf8')) as { plans: GoldPlan[] }).plans;
}

export function readSeed(file: string): string {
  return readFileSync(join(SEEDS_DIR, file), 'utf8');
}

/** Where a heading starts: the first occurrence after `from` that stands like a heading. */
function findHeading(text: string, title: string, from: number): { at: number; len: number } {
  let at = text.indexOf(title, from);
  const first = at;
  if (at < 0) {
    // a document-sharing site's page marker (\n13、) cutting the heading
    const esc = [...title].map((c) => c.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
    const re = new RegExp(esc.join('(?:\\n+\\d{1,3}、)?'), 'gu');
    re.lastIndex = from;
    const m = re.exec(text);
    return { at: m?.index ?? -1, len: m?.[0].length ?? 0 };
  }
  while (at >= 0) {
    const before = text[at - 1] ?? '\n';
    const after = text[at + title.length] ?? '\n';
    if (/[\n。.、)）—]/u.test(before) || /[。\n]/u.test(after)) return { at, len: title.length };
    at = text.indexOf(title, at + 1);
  }
  return { at: first, len: title.length };
}

const L1 = /\n\s*[一二三四五六七八九十]{1,2}、/gu;


/**
 * A minimal Plan of a seed: sections and measures at the gold headings, each body running to the next
 * heading (the last section stops at the next 一、-level heading).
 */
export function fixturePlan(g: GoldPlan, text = readSeed(g.file), convert: (title: string) => string = (t) => t): Plan {
  type Loc = { title: string; at: number; len: number };
  let pos = 0;
  const secLocs: (Loc & { gold: GoldSection })[] = [];
  for (const s of g.sections) {
    const title = convert(s.title);
    const { at, len } = findHeading(text, title, pos);
    if (at < 0) throw new Error(`fixture: section ${s.title} not found in ${g.file}`);
    secLocs.push({ title, at, len, gold: s });
    pos = at + len;
  }
  pos = secLocs[0]!.at;
  const mLocs: Loc[] = [];
  for (const m of g.measures) {
    const title = convert(m.title);
    const { at, len } = findHeading(text, title, pos);
    if (at < 0) throw new Error(`fixture: measure ${m.title} not found in ${g.file}`);
    mLocs.push({ title, at, len });
    pos = at + len;
  }
  const lastStart = secLocs[secLocs.length - 1]!.at;
  L1.lastIndex = lastStart;
  const l1 = L1.exec(text);
  const docEnd = l1 ? l1.index : text.length;
  const sections: Section[] = secLocs.map((s, i) => {
    const end = secLocs[i + 1]?.at ?? docEnd;
    const inside = mLocs.filter((m) => m.at > s.at && m.at < end);
    const measures: Measure[] = inside.map((m, j) => {
      const mEnd = inside[j + 1]?.at ?? end;
      return {
        title: m.title,
        raw: text.slice(m.at, m.at + m.len),
        label: null,
        body: text.slice(m.at + m.len, mEnd).replace(/^[。.]/u, '').trim(),
        agencies: [],
        span: { start: m.at, end: mEnd },
        titleSpan: { start: m.at, end: m.at + m.len },
      };
    });
    const introEnd = inside[0]?.at ?? end;
    return {
      kind: s.gold.kind,
      title: s.title,
      raw: text.slice(s.at, s.at + s.len),
      label: null,
      intro: text.slice(s.at + s.len, introEnd).trim(),
      measures,
      agencies: [],
      span: { start: s.at, end },
      titleSpan: { start: s.at, end: s.at + s.len },
    };
  });
  const target: Target = {
    metric: '公民具备科学素质的比例',
    role: 'headline',
    value: g.target.value,
    unit: '%',
    year: g.target.year,
    comparator: g.target.comparator,
    qualifiers: g.target.qualifiers,
    aspirational: g.target.qualifiers.includes('力争'),
    raw: '',
    span: { start: 0, end: 0 },
  };
  return {
    source: `seeds/${g.file}`,
    title: null,
    region: null,
    level: 'unknown',
    period: { start: g.period[0], end: g.period[1], basis: 'stated', raw: '', },
    draft: false,
    docNumber: null,
    basis: [],
    parts: [],
    sections,
    targets: [target],
    indicators: [],
    truncated: g.truncated ?? false,
    textLength: text.length,
    diagnostics: [],
  };
}
