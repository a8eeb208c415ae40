import type { Span } from '../../model/span.js';
import type { Evidence, EvidenceSource } from '../schema.js';
import { longestShared, type HeadingMatch, type TextFeatures } from './features.js';
import { normalizeSliceToBuffer, normalizeToBuffer, type NormalizedBuffer } from './normalize.js';
import type { TemplateProfile } from './template-profile.js';

export interface EvidenceContext {
  tp: TemplateProfile;
  text: string | undefined;
  /** No evidence wanted (the alignment's decisions never read it): every list stays empty. */
  off?: boolean;
}

/**
 * Adds the evidence of a heading match to `out`: the longest stretch the local heading shares with the
 * template heading that matched, when it says something (three characters, or two of a rare bigram).
 */
export function headingEvidence(
  ctx: EvidenceContext,
  out: EvidenceList,
  rawTitle: string,
  f: TextFeatures,
  h: HeadingMatch | undefined,
  titleSpan: Span,
  id: string,
): void {
  if (ctx.off || !h || !h.variant) return;
  const shared = longestShared(f.text, h.variant);
  // A two-character stretch like 服务 or 科普 is no evidence.
  if (!shared || (shared.text.length < 3 && ctx.tp.gramWeight(shared.text) < 2.5)) return;
  const phrase = shared.text;
  if (out.has(phrase, 'title', id)) return;
  const span = locate(ctx, titleSpan, rawTitle, shared.start, phrase);
  out.push(span ? { phrase, templateId: id, source: 'title', kind: 'heading', span } : { phrase, templateId: id, source: 'title', kind: 'heading' });
}

/**
 * Adds to `out` the phrases of one item found in a text, the `limit` weightiest (then longest, then
 * first found), each with its span in the text as read when it can be located: in the heading as it
 * stands when `rawTitle` is given, else within `base` of the text as read. A phrase already in `out`
 * from the same source for the same item is left out (what a pass removing repeats would drop), and
 * so is its span search.
 */
export function phraseEvidence(
  ctx: EvidenceContext,
  out: EvidenceList,
  f: TextFeatures,
  itemIndex: number,
  source: EvidenceSource,
  base: Span,
  rawTitle: string | null,
  limit: number,
): void {
  if (ctx.off || f.found.length === 0) return;
  const { tp } = ctx;
  // The item's phrases among those found, as places in the text's list and entries of the phrases'
  // items (work arrays of the profile: no object per phrase).
  const { pickHit, pickEntry } = tp.scratch;
  const { itemStart, itemIndex: index, itemHeading } = tp.phraseItems;
  const { found, starts } = f;
  let count = 0;
  for (let k = 0; k < found.length; k++) {
    const p = found[k]!;
    for (let e = itemStart[p]!, end = itemStart[p + 1]!; e < end; e++) {
      if (index[e] !== itemIndex) continue;
      pickHit[count] = k;
      pickEntry[count++] = e;
      break;
    }
  }
  if (count === 0) return;
  // Weightiest first, then longest, then first found (stable insertion sort, as sortSmall). A body has
  // no starts: among its phrases of one length, the order found is the order of their starts already.
  for (let k = 1; k < count; k++) {
    const xk = pickHit[k]!;
    const xe = pickEntry[k]!;
    let j = k - 1;
    for (; j >= 0 && comparePicks(tp, f, pickHit[j]!, pickEntry[j]!, xk, xe) > 0; j--) {
      pickHit[j + 1] = pickHit[j]!;
      pickEntry[j + 1] = pickEntry[j]!;
    }
    pickHit[j + 1] = xk;
    pickEntry[j + 1] = xe;
  }
  const id = tp.items[itemIndex]!.item.id;
  const chosen = Math.min(count, limit);
  // Bodies and intros: every phrase searched in the one span, normalised once (the normaliser's buffer
  // is read until the loop ends: nothing in it normalises anything else).
  const src = rawTitle === null ? ctx.text : undefined;
  const n = src === undefined ? null : normalizeSliceToBuffer(src, base.start, base.end);
  // Offsets in the slice are relative to where it starts (as String.prototype.slice reads `start`).
  const offset = src === undefined ? 0 : base.start < 0 ? Math.max(src.length + base.start, 0) : Math.min(base.start, src.length);
  for (let j = 0; j < chosen; j++) {
    const k = pickHit[j]!;
    const e = pickEntry[j]!;
    const phrase = tp.phrases[found[k]!]!.text;
    if (out.has(phrase, source, id)) continue;
    const span =
      rawTitle !== null ? locate(ctx, base, rawTitle, starts[k]!, phrase) : src === undefined ? undefined : spanIn(n!, src, offset, phrase);
    const kind = itemHeading[e] === 1 ? 'alias' : 'keyword';
    out.push(span ? { phrase, templateId: id, source, kind, span } : { phrase, templateId: id, source, kind });
  }
}

/**
 * The order of two phrases found in a text (as places in its list and entries of the phrases' items):
 * > 0 when `a` comes after `b` — weightiest first, then longest, then first found.
 */
function comparePicks(tp: TemplateProfile, f: TextFeatures, ak: number, ae: number, bk: number, be: number): number {
  const w = tp.phraseItems.itemWeight;
  const { found, starts } = f;
  return (
    w[be]! - w[ae]! ||
    tp.phrases[found[bk]!]!.text.length - tp.phrases[found[ak]!]!.text.length ||
    (starts.length === 0 ? 0 : starts[ak]! - starts[bk]!)
  );
}

/**
 * The evidence of one section or measure being collected: a work list, reused (one alignment at a time),
 * whose entries are copied out at their exact size by {@link EvidenceList.take}. A phrase already listed
 * from the same source for the same item (a heading found both as a shared stretch and as an alias) is
 * left out by the functions adding to it: what removing repeats afterwards, keeping the first, would leave.
 */
export class EvidenceList {
  /** Entries past `count` are stale (left from earlier lists: evidence kept in results anyway). */
  private readonly items: Evidence[] = [];
  private count = 0;

  /** Empties the list, to start collecting (a list left half-filled by an exception is not carried over). */
  begin(): this {
    this.count = 0;
    return this;
  }

  /** Whether the list holds the phrase from the same source for the same item. */
  has(phrase: string, source: EvidenceSource, templateId: string): boolean {
    for (let j = 0; j < this.count; j++) {
      const f = this.items[j]!;
      if (f.phrase === phrase && f.source === source && f.templateId === templateId) return true;
    }
    return false;
  }

  /** Adds an entry (callers check {@link has} first). */
  push(e: Evidence): void {
    this.items[this.count++] = e;
  }

  /** Adds an entry unless it repeats one listed. */
  pushNew(e: Evidence): void {
    if (!this.has(e.phrase, e.source, e.templateId)) this.push(e);
  }

  /** The entries as a new array, and the list emptied. */
  take(): Evidence[] {
    const out = this.count === 0 ? [] : this.items.slice(0, this.count);
    this.count = 0;
    return out;
  }
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
  const src = ctx.text;
  if (src === undefined) return undefined;
  const n = normalizeSliceToBuffer(src, base.start, base.end);
  // Offsets in the slice are relative to where it starts (as String.prototype.slice reads `start`).
  const offset = base.start < 0 ? Math.max(src.length + base.start, 0) : Math.min(base.start, src.length);
  return spanIn(n, src, offset, phrase);
}

/** The span in `src` of the first occurrence of a phrase in a slice of it normalised into `n` (starting at `offset`). */
function spanIn(n: NormalizedBuffer, src: string, offset: number, phrase: string): Span | undefined {
  const at = indexIn(n, phrase, 0);
  if (at < 0) return undefined;
  const a = offset + n.where[at]!;
  const last = offset + n.where[at + phrase.length - 1]!;
  return { start: a, end: last + (src.codePointAt(last)! > 0xffff ? 2 : 1) };
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
