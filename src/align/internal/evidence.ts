import type { Span } from '../../model/span.js';
import type { Evidence, EvidenceSource } from '../schema.js';
import { longestShared, phrasesFor, type HeadingMatch, type TextFeatures } from './features.js';
import { normalizeSliceToBuffer, normalizeToBuffer, type NormalizedBuffer } from './normalize.js';
import { sortSmall } from './sort-small.js';
import type { TemplateProfile } from './template-profile.js';

export interface EvidenceContext {
  tp: TemplateProfile;
  text: string | undefined;
  /** No evidence wanted (the alignment's decisions never read it): every list stays empty. */
  off?: boolean;
}

export function headingEvidence(
  ctx: EvidenceContext,
  rawTitle: string,
  f: TextFeatures,
  h: HeadingMatch | undefined,
  titleSpan: Span,
  id: string,
): Evidence[] {
  if (ctx.off || !h || !h.variant) return [];
  const shared = longestShared(f.text, h.variant);
  // A two-character stretch like 服务 or 科普 is no evidence.
  if (!shared || (shared.text.length < 3 && ctx.tp.gramWeight(shared.text) < 2.5)) return [];
  const span = locate(ctx, titleSpan, rawTitle, shared.start, shared.text);
  const phrase = shared.text;
  return [span ? { phrase, templateId: id, source: 'title', kind: 'heading', span } : { phrase, templateId: id, source: 'title', kind: 'heading' }];
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
  if (ctx.off || f.found.length === 0) return [];
  const found = phrasesFor(ctx.tp, f, itemIndex);
  if (found.length === 0) return [];
  const id = ctx.tp.items[itemIndex]!.item.id;
  const chosen = sortSmall(found, (a, b) => b.weight - a.weight || b.phrase.length - a.phrase.length || a.start - b.start).slice(0, limit);
  // Bodies and intros: every phrase searched in the one span, normalised once.
  const spans =
    rawTitle !== null
      ? chosen.map((p) => locate(ctx, base, rawTitle, p.start, p.phrase))
      : ctx.text === undefined
        ? []
        : searchAll(ctx.text, base, chosen.map((p) => p.phrase));
  return chosen.map((p, k) => {
    const span = spans[k];
    const kind = p.heading ? 'alias' : 'keyword';
    return span ? { phrase: p.phrase, templateId: id, source, kind, span } : { phrase: p.phrase, templateId: id, source, kind };
  });
}

/**
 * The span of a phrase found in a heading, located in the heading as it stands in the text (`raw`, the
 * text under `titleSpan`): the occurrence of the phrase in the normalised raw heading nearest to where
 * it was found in the normalised title, mapped back. So the span's text normalises to the phrase. When
 * the raw heading does not hold it (a page marker inside, say), the text as read is searched when given;
 * else no span.
 */
export function locate(ctx: EvidenceContext, base: Span, raw: string, start: number, phrase: string): Span | undefined {
  const n = normalizeToBuffer(raw);
  let best = -1;
  for (let at = indexIn(n, phrase, 0); at >= 0; at = indexIn(n, phrase, at + 1)) {
    if (best < 0 || Math.abs(at - start) < Math.abs(best - start)) best = at;
  }
  if (best < 0 || raw.length !== base.end - base.start) return search(ctx, base, phrase);
  const a = n.where[best]!;
  const last = n.where[best + phrase.length - 1]!;
  return { start: base.start + a, end: base.start + last + (raw.codePointAt(last)! > 0xffff ? 2 : 1) };
}

/** Finds a phrase inside a span of the text as read (normalised); undefined without the text. */
export function search(ctx: EvidenceContext, base: Span, phrase: string): Span | undefined {
  return ctx.text === undefined ? undefined : searchAll(ctx.text, base, [phrase])[0];
}

/** {@link search} for several phrases in one span (normalised once). */
function searchAll(src: string, base: Span, phrases: readonly string[]): (Span | undefined)[] {
  const n = normalizeSliceToBuffer(src, base.start, base.end);
  // Offsets in the slice are relative to where it starts (as String.prototype.slice reads `start`).
  const offset = base.start < 0 ? Math.max(src.length + base.start, 0) : Math.min(base.start, src.length);
  return phrases.map((phrase) => {
    const at = indexIn(n, phrase, 0);
    if (at < 0) return undefined;
    const a = offset + n.where[at]!;
    const last = offset + n.where[at + phrase.length - 1]!;
    return { start: a, end: last + (src.codePointAt(last)! > 0xffff ? 2 : 1) };
  });
}

/** `indexOf` of a (non-empty) phrase in the normaliser's buffer, from `from`. */
function indexIn(n: NormalizedBuffer, phrase: string, from: number): number {
  const { codes, length } = n;
  const first = phrase.charCodeAt(0);
  const last = length - phrase.length;
  outer: for (let i = from; i <= last; i++) {
    if (codes[i] !== first) continue;
    for (let k = 1; k < phrase.length; k++) if (codes[i + k] !== phrase.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** Drops repeated phrases (a heading found both as a shared stretch and as an alias), keeping the first. */
export function dedupe(evidence: Evidence[]): Evidence[] {
  // Short lists: compared pairwise.
  return evidence.filter((e, i) => {
    for (let j = 0; j < i; j++) {
      const f = evidence[j]!;
      if (f.phrase === e.phrase && f.source === e.source && f.templateId === e.templateId) return false;
    }
    return true;
  });
}
