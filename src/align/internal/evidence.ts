import type { Span } from '../../model/span.js';
import type { Evidence, EvidenceSource } from '../schema.js';
import { longestShared, phrasesFor, type HeadingMatch, type TextFeatures } from './features.js';
import { normalizeWithMap, type NormalizedWithMap } from './normalize.js';
import type { TemplateProfile } from './template-profile.js';

export interface EvidenceContext {
  tp: TemplateProfile;
  text: string | undefined;
  cache: Map<string, NormalizedWithMap>;
}

export function headingEvidence(
  ctx: EvidenceContext,
  rawTitle: string,
  f: TextFeatures,
  h: HeadingMatch | undefined,
  titleSpan: Span,
  id: string,
): Evidence[] {
  if (!h || !h.variant) return [];
  const shared = longestShared(f.norm.text, h.variant);
  // A two-character stretch like 服务 or 科普 is no evidence.
  if (!shared || (shared.text.length < 3 && ctx.tp.gramWeight(shared.text) < 2.5)) return [];
  const span = locate(ctx, titleSpan, rawTitle, shared.start, shared.text, f);
  return [{ phrase: shared.text, templateId: id, source: 'title', kind: 'heading', ...(span ? { span } : {}) }];
}

export function phraseEvidence(
  ctx: EvidenceContext,
  f: TextFeatures,
  itemIndex: number,
  source: EvidenceSource,
  base: Span,
  rawTitle: string | null,
  limit: number,
): Evidence[] {
  const found = phrasesFor(ctx.tp, f, itemIndex);
  const id = ctx.tp.items[itemIndex]!.item.id;
  return [...found]
    .sort((a, b) => b.weight - a.weight || b.phrase.length - a.phrase.length || a.start - b.start)
    .slice(0, limit)
    .map((p) => {
      const span = rawTitle !== null ? locate(ctx, base, rawTitle, p.start, p.phrase, f) : search(ctx, base, p.phrase);
      return { phrase: p.phrase, templateId: id, source, kind: p.heading ? 'alias' : 'keyword', ...(span ? { span } : {}) } as Evidence;
    });
}

/**
 * The span of a phrase found in a heading, located in the heading as it stands in the text (`raw`, the
 * text under `titleSpan`): the occurrence of the phrase in the normalised raw heading nearest to where
 * it was found in the normalised title, mapped back. So the span's text normalises to the phrase. When
 * the raw heading does not hold it (a page marker inside, say), the text as read is searched when given;
 * else no span.
 */
export function locate(ctx: EvidenceContext, base: Span, raw: string, start: number, phrase: string, title: TextFeatures): Span | undefined {
  const key = `raw:${base.start}:${base.end}`;
  let n = ctx.cache.get(key);
  // Most headings stand in the text as they are: the title's own normalisation serves.
  if (!n) ctx.cache.set(key, (n = raw === title.raw ? title.norm : normalizeWithMap(raw)));
  let best = -1;
  for (let at = n.text.indexOf(phrase); at >= 0; at = n.text.indexOf(phrase, at + 1)) {
    if (best < 0 || Math.abs(at - start) < Math.abs(best - start)) best = at;
  }
  if (best < 0 || raw.length !== base.end - base.start) return search(ctx, base, phrase);
  const a = n.map[best]!;
  const last = n.map[best + phrase.length - 1]!;
  return { start: base.start + a, end: base.start + last + (raw.codePointAt(last)! > 0xffff ? 2 : 1) };
}

/** Finds a phrase inside a span of the text as read (normalised); undefined without the text. */
export function search(ctx: EvidenceContext, base: Span, phrase: string): Span | undefined {
  if (ctx.text === undefined) return undefined;
  const key = `${base.start}:${base.end}`;
  let n = ctx.cache.get(key);
  if (!n) ctx.cache.set(key, (n = normalizeWithMap(ctx.text.slice(base.start, base.end))));
  const at = n.text.indexOf(phrase);
  if (at < 0) return undefined;
  const a = n.map[at]!;
  const last = n.map[at + phrase.length - 1]!;
  const src = ctx.text;
  return { start: base.start + a, end: base.start + last + (src.codePointAt(base.start + last)! > 0xffff ? 2 : 1) };
}

/** Drops repeated phrases (a heading found both as a shared stretch and as an alias), keeping the first. */
export function dedupe(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.templateId}|${e.source}|${e.phrase}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

