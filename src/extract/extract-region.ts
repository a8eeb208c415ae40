import type { Diagnostic, Level, Region } from '../model/index.js';
import { toOriginalSpan, type MappedText } from '../text/mapped-text.js';
import { findEnclosures } from './internal/enclosures.js';
import {
  divisionsWithShort,
  findDivisionNames,
  findShortNames,
  parentsOf,
  type Division,
  type NameHit,
} from './internal/gazetteer.js';
import { SELF_REFERENCE, SHORT_NAME_CONTEXT } from './internal/patterns.js';

interface Range {
  start: number;
  end: number;
}

/** The levels a self-reference points to (我区 may be a district or an autonomous region). */
const LEVELS_OF: Readonly<Record<string, readonly Level[]>> = {
  自治区: ['province'],
  省: ['province'],
  市: ['city', 'county'],
  州: ['city'],
  盟: ['city'],
  县: ['county'],
  旗: ['county'],
  区: ['district', 'province'],
};
const SPECIFICITY: Readonly<Record<Level, number>> = { district: 3, county: 3, city: 2, province: 1, national: 0, unknown: 0 };

interface Choice {
  hit: NameHit;
  division: Division;
  source: Region['source'];
  uncertain: string | null;
}

/**
 * The region a plan is for. From the title first: the most specific division named at its start
 * (`甘肃省兰州市…` → 兰州市). Else full names in the body (outside 《》), preferring those whose level
 * matches the plan's self-reference (我县 → county, 我区 → district, 我市 → city) and the most frequent.
 * Else a short name (上虞 in `结合上虞实际`) of a division at the self-referenced level, read only where
 * it stands as a place, with source `inferred`. Names shared by several divisions (城关区) are settled
 * by the higher divisions the text also names. Code and parents (nearest first) come from the GB/T 2260
 * gazetteer. An unclear choice adds `plan/region-uncertain`; none gives null and `plan/no-region`.
 * `title` is a range of `mt.text`.
 *
 * @example
 * const mt = mapIdentity('砀山县全民科学素质行动规划纲要实施方案');
 * extractRegion(mt, { start: 0, end: mt.text.length }, []);
 * // { name: '砀山县', level: 'county', code: '341321', parents: ['宿州市', '安徽省'], source: 'title', span: { start: 0, end: 3 } }
 */
export function extractRegion(mt: MappedText, title: Range | null, diagnostics: Diagnostic[]): Region | null {
  const text = mt.text;
  const enclosures = findEnclosures(text);
  const bodyHits = findDivisionNames(text, 0, text.length).filter((h) => !enclosures.inTitle(h.start));
  const context = contextNames(bodyHits);
  const wanted = selfReferenceLevels(text);
  const choice =
    (title ? fromTitle(text, title, context) : null) ?? fromBody(bodyHits, wanted, context) ?? fromShortNames(text, wanted, context);
  if (!choice) {
    diagnostics.push({ code: 'plan/no-region', severity: 'warning', message: 'no region was found in the title or the text' });
    return null;
  }
  const span = toOriginalSpan(mt, choice.hit.start, choice.hit.end);
  if (choice.uncertain) diagnostics.push({ code: 'plan/region-uncertain', severity: 'warning', message: choice.uncertain, span });
  return {
    name: choice.division.name,
    level: choice.division.level,
    code: choice.division.code,
    parents: parentsOf(choice.division).map((p) => p.name),
    source: choice.source,
    span,
  };
}

/** Names (full and short) the text mentions, to settle shared names. */
function contextNames(hits: readonly NameHit[]): Set<string> {
  const out = new Set<string>();
  for (const h of hits) {
    out.add(h.name);
    for (const d of h.divisions) if (d.short) out.add(d.short);
  }
  return out;
}

/** The levels the plan's self-reference points to; 我X counts before 本X, 本X before 全X. */
function selfReferenceLevels(text: string): Set<Level> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(SELF_REFERENCE)) {
    const key = `${m.groups!['w']}${m.groups!['l']}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const w of ['我', '本', '全']) {
    let best: string | null = null;
    let bestCount = 0;
    for (const [key, n] of counts) {
      if (key.startsWith(w) && n > bestCount) {
        best = key.slice(1);
        bestCount = n;
      }
    }
    if (best !== null) return new Set(LEVELS_OF[best] ?? []);
  }
  return new Set();
}

/** Picks among divisions sharing a name: the one whose higher divisions the text names. */
function settle(hit: NameHit, context: ReadonlySet<string>): { division: Division; uncertain: string | null } {
  if (hit.divisions.length === 1) return { division: hit.divisions[0]!, uncertain: null };
  const scored = hit.divisions.map((d) => ({
    d,
    score: parentsOf(d).filter((p) => context.has(p.name) || (p.short !== '' && context.has(p.short))).length,
  }));
  const best = Math.max(...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best);
  const division = top[0]!.d;
  const uncertain =
    top.length > 1 ? `${hit.name} names ${top.length} divisions (${top.map((s) => s.d.code).join(', ')}); took ${division.code}` : null;
  return { division, uncertain };
}

/** The title's first division, followed through adjacent lower ones (浙江省绍兴市上虞区 → 上虞区). */
function fromTitle(text: string, title: Range, context: ReadonlySet<string>): Choice | null {
  const hits = findDivisionNames(text, title.start, title.end);
  let hit = hits[0];
  if (!hit) return null;
  for (const next of hits.slice(1)) {
    if (next.start !== hit.end) break;
    hit = next;
  }
  const { division, uncertain } = settle(hit, context);
  return { hit, division, source: 'title', uncertain };
}

/** The most frequent full name in the body at the self-referenced level (or any level without one). */
function fromBody(hits: readonly NameHit[], wanted: ReadonlySet<Level>, context: ReadonlySet<string>): Choice | null {
  const fits = (h: NameHit) => wanted.size === 0 || h.divisions.some((d) => wanted.has(d.level));
  const candidates = hits.filter(fits);
  const best = mostFrequent(candidates, (h) => SPECIFICITY[h.divisions[0]!.level]);
  if (!best) return null;
  const distinct = new Set(candidates.map((h) => h.name)).size;
  const settled = settle(
    { ...best, divisions: wanted.size === 0 ? best.divisions : best.divisions.filter((d) => wanted.has(d.level)) },
    context,
  );
  const uncertain =
    settled.uncertain ?? (wanted.size === 0 && distinct > 1 ? `no self-reference (我市/我县 …); took ${best.name} among ${distinct} names` : null);
  return { hit: best, division: settled.division, source: 'body', uncertain };
}

/** A short name at the self-referenced level, counted only where it stands as a place. */
function fromShortNames(text: string, wanted: ReadonlySet<Level>, context: ReadonlySet<string>): Choice | null {
  if (wanted.size === 0) return null;
  const hits = findShortNames(text, 0, text.length, wanted).filter((h) =>
    SHORT_NAME_CONTEXT.test(text.slice(Math.max(0, h.start - 2), h.start)),
  );
  const best = mostFrequent(hits, () => 0);
  if (!best) return null;
  const count = hits.filter((h) => h.name === best.name).length;
  const names = new Set(hits.map((h) => h.name));
  const settled = settle({ ...best, divisions: divisionsWithShort(best.name).filter((d) => wanted.has(d.level)) }, context);
  const parentNamed = parentsOf(settled.division).some((p) => context.has(p.name) || context.has(p.short));
  let uncertain = settled.uncertain;
  if (!uncertain && names.size > 1) uncertain = `${best.name} inferred among ${[...names].join(', ')}`;
  if (!uncertain && count < 2 && !parentNamed) uncertain = `${best.name} inferred from a single mention`;
  return { hit: best, division: settled.division, source: 'inferred', uncertain };
}

/** The first hit of the name that occurs most often; ties go to the higher `rank`, then to the earlier name. */
function mostFrequent(hits: readonly NameHit[], rank: (h: NameHit) => number): NameHit | null {
  const first = new Map<string, { hit: NameHit; count: number }>();
  for (const h of hits) {
    const e = first.get(h.name);
    if (e) e.count++;
    else first.set(h.name, { hit: h, count: 1 });
  }
  let best: { hit: NameHit; count: number } | null = null;
  for (const e of first.values()) {
    if (best === null || e.count > best.count || (e.count === best.count && rank(e.hit) > rank(best.hit))) best = e;
  }
  return best?.hit ?? null;
}
