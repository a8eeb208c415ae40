import diff from 'fast-diff';
import type { Template } from '../template/schema.js';
import { CandidateIndex } from './internal/candidate-index.js';
import { compareStrings, round3, type ComparedPlan } from './internal/entries.js';
import { PositionTable } from './internal/position-table.js';
import { foldAll, sectionText, type SectionText } from './internal/section-text.js';
import { shingleHashes, winnow } from './internal/shingles.js';
import type { CompareDiagnostic, ReuseClass, ReuseReport, ReuseSpan, SectionDiff, SectionReuse } from './schema.js';

/** A section of a plan, named by the plan's source and the section's index, template id or title. */
export interface SectionRef {
  source: string;
  /** The section's index in the plan, or its template id (`youth`), or its title. */
  section: number | string;
}

/** Options of {@link measureReuse}. */
export interface MeasureReuseOptions {
  /** More wording of a template (the outline's full text), by template id, counted as the template's. */
  templateTexts?: Readonly<Record<string, string>>;
  /** A side-by-side diff of two sections; `b` omitted: the section sharing most with `a`. */
  diff?: { a: SectionRef; b?: SectionRef };
}

/** How reuse is measured; see {@link measureReuse}. */
export const REUSE_METHOD = { shingle: 8, minRunTemplate: 8, minRunPeer: 12, window: 8, candidates: 3 } as const;
const MAX_SPANS = 50;

interface Unit {
  plan: number;
  entry: ComparedPlan;
  section: number;
  /** Where each folded character starts and ends (see SectionText); its codes are not kept. */
  starts: Int32Array;
  ends: Int32Array | null;
  spansIn: SectionText['spansIn'];
  hashes: Float64Array;
}

/**
 * How much of each section restates the template or another plan of the batch, so that a
 * near-verbatim copy does not pass for strong implementation and a plan's own content stands out.
 *
 * Method: each section's letters and digits (punctuation, spaces and site chrome dropped) are cut into
 * character 8-grams. A character counts as restated from the template when it lies in an 8-gram of
 * the template's wording (its item titles and aliases, plus `templateTexts`); as restated from a peer
 * when it lies in a run of at least 12 characters also found in a section of another plan. Peers are
 * not compared all against all: an inverted index of winnowed fingerprints (window 8, so any shared
 * passage of 15 characters or more is seen) proposes the 3 sections of other plans sharing the most
 * rare fingerprints, and only those are compared exactly — time linear in the number of plans.
 * `reuse` is the share restated from either, `local = 1 − reuse`; `restated` when reuse ≥ 0.5,
 * `local` when reuse < 0.2, else `mixed`. Matched spans (the 50 longest per section) are offsets in the
 * text as read, or in the section rebuilt from the model when no text was given. Shared passages do
 * not say who copied whom: two plans restating the same provincial text both score.
 *
 * @param plans - The batch in canonical order (see `comparePlans`).
 * @param templates - Templates by id (the built-ins and any given), for the template's wording.
 * @example
 * const r = measureReuse(plans, templates);
 * r.sections.find((s) => s.title.includes('寺庙僧尼'))?.class; // 'local'
 * measureReuse(plans, templates, { diff: { a: { source: 'seeds/001….txt', section: 'youth' } } }).diff?.b.source;
 */
export function measureReuse(
  plans: readonly ComparedPlan[],
  templates: ReadonlyMap<string, Template>,
  options: MeasureReuseOptions = {},
  diagnostics: CompareDiagnostic[] = [],
): ReuseReport {
  const { shingle: n, minRunTemplate, minRunPeer, window: w, candidates: limit } = REUSE_METHOD;
  const units: Unit[] = [];
  plans.forEach((entry, plan) => {
    entry.report.sections.forEach((s, section) => {
      const text = sectionText(s, section, entry);
      if (text) units.push({ plan, entry, section, starts: text.starts, ends: text.ends, spansIn: text.spansIn, hashes: shingleHashes(text.codes, n) });
    });
  });
  const index = new CandidateIndex();
  const fingerprints = units.map((u) => winnow(u.hashes, w));
  units.forEach((u, id) => index.add(id, u.plan, fingerprints[id]!));

  const templateSets = new Map<string, PositionTable>();
  const warned = new Set<string>();
  const templateSet = (entry: ComparedPlan): PositionTable | null => {
    const id = entry.report.template?.id ?? entry.report.coverage?.templateId;
    if (!id) return null;
    const cached = templateSets.get(id);
    if (cached) return cached;
    const t = templates.get(id);
    if (!t) {
      if (!warned.has(id)) {
        warned.add(id);
        diagnostics.push({ code: 'compare/unknown-template', severity: 'info', message: `template ${id} is not known: reuse of its wording is not measured`, source: entry.source });
      }
      return null;
    }
    const texts = [...t.items.flatMap((i) => [i.title, ...i.aliases]), ...(options.templateTexts?.[id] ?? '').split(/\n+/u)];
    const hashes: number[] = [];
    for (const s of texts) for (const h of shingleHashes(foldAll(s.normalize('NFKC')), n)) hashes.push(h);
    const set = new PositionTable(Float64Array.from(hashes));
    templateSets.set(id, set);
    return set;
  };

  const best = new Map<number, number>();
  const sections: SectionReuse[] = units.map((u, id) => {
    const len = u.starts.length;
    const tmpl = templateSet(u.entry);
    const tMask = new Uint8Array(len);
    const matched = new Uint8Array(u.hashes.length);
    if (tmpl) {
      for (let i = 0; i < u.hashes.length; i++) matched[i] = tmpl.has(u.hashes[i]!) ? 1 : 0;
      markRuns(matched, n, minRunTemplate, tMask);
    }
    const pMask = new Uint8Array(len);
    const spans: ReuseSpan[] = [];
    for (const [start, end] of runs(tMask, 1)) spans.push(span(u, start, end, 'template', null));
    let bestPeer: SectionReuse['bestPeer'] = null;
    const positions = new PositionTable(u.hashes);
    const mask = new Uint8Array(len);
    for (const cid of index.candidates(u.plan, fingerprints[id]!, limit)) {
      const c = units[cid]!;
      matched.fill(0);
      positions.markPresent(c.hashes, matched);
      mask.fill(0);
      markRuns(matched, n, minRunPeer, mask);
      let shared = 0;
      for (let i = 0; i < len; i++) {
        if (mask[i]) {
          shared++;
          pMask[i] = 1;
        }
      }
      for (const [start, end] of runs(mask, 1)) spans.push(span(u, start, end, 'peer', c));
      const share = len > 0 ? round3(shared / len) : 0;
      if (shared > 0 && (bestPeer === null || share > bestPeer.share)) {
        bestPeer = { source: c.entry.source, section: c.section, title: c.entry.report.sections[c.section]!.title, share };
        best.set(id, cid);
      }
    }
    let t = 0;
    let p = 0;
    let either = 0;
    for (let i = 0; i < len; i++) {
      t += tMask[i]!;
      p += pMask[i]!;
      either += tMask[i]! | pMask[i]!;
    }
    const reuse = len > 0 ? round3(either / len) : 0;
    spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const kept = spans.slice(0, MAX_SPANS).sort((a, b) => a.start - b.start || a.end - b.end || compareStrings(a.source ?? '', b.source ?? '') || (a.section ?? -1) - (b.section ?? -1));
    const rs = u.entry.report.sections[u.section]!;
    return {
      source: u.entry.source,
      region: u.entry.report.region,
      section: u.section,
      title: rs.title,
      templateId: rs.templateId,
      length: len,
      template: len > 0 ? round3(t / len) : 0,
      peers: len > 0 ? round3(p / len) : 0,
      reuse,
      local: round3(1 - reuse),
      class: classify(reuse, len),
      bestPeer,
      spansIn: u.spansIn,
      spans: kept,
      spansTruncated: spans.length > MAX_SPANS,
    };
  });

  return {
    method: { ...REUSE_METHOD },
    sections,
    plans: summarisePlans(plans, sections),
    diff: options.diff ? sectionDiff(options.diff, units, best, diagnostics) : null,
  };
}

function classify(reuse: number, len: number): ReuseClass {
  if (len === 0) return 'local';
  return reuse >= 0.5 ? 'restated' : reuse < 0.2 ? 'local' : 'mixed';
}

/**
 * Marks the characters of every run of consecutive matching n-grams (`matched[i]` set: the n-gram at
 * i matches) covering at least `minRun` characters.
 */
function markRuns(matched: Uint8Array, n: number, minRun: number, mask: Uint8Array): void {
  let i = 0;
  while (i < matched.length) {
    if (!matched[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < matched.length && matched[j + 1]) j++;
    const end = j + n;
    if (end - i >= minRun) mask.fill(1, i, end);
    i = j + 1;
  }
}

/** Maximal runs of set characters, [start, end) in character indices, at least `min` long. */
function runs(mask: Uint8Array, min: number): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  while (i < mask.length) {
    if (!mask[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < mask.length && mask[j]) j++;
    if (j - i >= min) out.push([i, j]);
    i = j;
  }
  return out;
}

function span(u: Unit, start: number, end: number, from: ReuseSpan['from'], peer: Unit | null): ReuseSpan {
  return {
    start: u.starts[start]!,
    end: u.ends ? u.ends[end - 1]! : u.starts[end - 1]! + 1,
    from,
    source: peer ? peer.entry.source : null,
    section: peer ? peer.section : null,
  };
}

function summarisePlans(plans: readonly ComparedPlan[], sections: readonly SectionReuse[]): ReuseReport['plans'] {
  const bySource = new Map<string, SectionReuse[]>();
  for (const s of sections) {
    const list = bySource.get(s.source);
    if (list) list.push(s);
    else bySource.set(s.source, [s]);
  }
  return plans.map((entry) => summarise(entry, bySource.get(entry.source) ?? []));
}

function summarise(entry: ComparedPlan, sections: readonly SectionReuse[]): ReuseReport['plans'][number] {
  const total = sections.reduce((a, s) => a + s.length, 0);
  const weighted = sections.reduce((a, s) => a + s.reuse * s.length, 0);
  return {
    source: entry.source,
    region: entry.report.region,
    reuse: total > 0 ? round3(weighted / total) : null,
    restated: sections.filter((s) => s.class === 'restated').length,
    local: sections.filter((s) => s.class === 'local').length,
  };
}

function findUnit(units: readonly Unit[], ref: SectionRef): number {
  const mine = units.map((u, i) => [u, i] as const).filter(([u]) => u.entry.source === ref.source);
  if (typeof ref.section === 'number') return mine.find(([u]) => u.section === ref.section)?.[1] ?? -1;
  const byId = mine.find(([u]) => u.entry.report.sections[u.section]!.templateId === ref.section);
  const byTitle = mine.find(([u]) => u.entry.report.sections[u.section]!.title === ref.section);
  const byPart = mine.find(([u]) => u.entry.report.sections[u.section]!.title.includes(String(ref.section)));
  return (byId ?? byTitle ?? byPart)?.[1] ?? -1;
}

function sectionDiff(
  want: { a: SectionRef; b?: SectionRef },
  units: readonly Unit[],
  best: ReadonlyMap<number, number>,
  diagnostics: CompareDiagnostic[],
): SectionDiff | null {
  const ai = findUnit(units, want.a);
  const bi = ai < 0 ? -1 : want.b ? findUnit(units, want.b) : (best.get(ai) ?? -1);
  if (ai < 0 || bi < 0) {
    const missing = ai < 0 ? want.a : (want.b ?? { source: '(best match)', section: '' });
    diagnostics.push({
      code: 'compare/diff-not-found',
      severity: 'warning',
      message: `no section ${JSON.stringify(missing.section)} in ${missing.source}${ai >= 0 && !want.b ? ': the section shares no passage with another plan' : ''}`,
      source: missing.source,
    });
    return null;
  }
  const a = units[ai]!;
  const b = units[bi]!;
  const displayOf = (u: Unit) => sectionText(u.entry.report.sections[u.section]!, u.section, u.entry, true)?.display ?? '';
  const left = displayOf(a).normalize('NFKC');
  const right = displayOf(b).normalize('NFKC');
  const ops = diff(left, right, undefined, true).map(([op, text]) => ({ op: op === 0 ? ('equal' as const) : op < 0 ? ('delete' as const) : ('insert' as const), text }));
  const equal = ops.filter((o) => o.op === 'equal').reduce((s, o) => s + o.text.length, 0);
  const longer = Math.max(left.length, right.length);
  const ref = (u: Unit) => ({ source: u.entry.source, section: u.section, title: u.entry.report.sections[u.section]!.title });
  return { a: ref(a), b: ref(b), similarity: longer > 0 ? round3(equal / longer) : 0, ops };
}
