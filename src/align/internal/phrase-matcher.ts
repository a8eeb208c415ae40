import { PairTable } from './pair-table.js';

/** One occurrence of a pattern in a text: the pattern's index and the end of the occurrence (exclusive). */
export interface PhraseHit {
  pattern: number;
  end: number;
}

/**
 * Finds every occurrence of a fixed list of patterns in a text, in one pass: a trie of the patterns,
 * entered through a hash table of their first two characters and walked from there while the text
 * follows it. Two bit sets (the patterns' first and second characters) spare the look-up at most
 * positions. Quick to build (a template derived from a plan has its own) and small: a few integers per
 * trie node and 16 KB of bits. One-character patterns are looked up apart; empty ones never match.
 */
export class PhraseMatcher {
  readonly patterns: readonly string[];
  /** (first, second code unit) → the trie node after them. */
  private readonly pairs: PairTable;
  /** Bit sets over code units: the first and the second characters of the patterns of two characters or more. */
  private readonly firstChars = new Int32Array(0x800);
  private readonly secondChars = new Int32Array(0x800);
  /** The nodes one character deep that end a one-character pattern, by code unit (null: there are none). */
  private readonly singles: Map<number, number> | null;
  /** Children of each node: code units and nodes from `childStart[n]` to `childStart[n + 1]`. */
  private readonly childStart: Int32Array;
  private readonly childCode: Uint16Array;
  private readonly childNode: Int32Array;
  /** First pattern spelled by each node (−1: none); `same` chains duplicates of a pattern, in index order. */
  private readonly own: Int32Array;
  private readonly same: Int32Array;
  /**
   * The patterns' lengths, read while ordering hits: a pattern's own `length` is read through its
   * string's representation (a template's literal, a slice of a parent plan's text…), and code that met
   * one kind starts over (deoptimises) at the next.
   */
  private readonly lengths: Int32Array;

  constructor(patterns: readonly string[]) {
    this.patterns = patterns;
    this.lengths = Int32Array.from(patterns, (p) => p.length);
    let chars = 0;
    for (const len of this.lengths) chars += len;
    // The trie: edges found through a hash table while building, then laid out by parent.
    const child = new PairTable(chars);
    this.pairs = new PairTable(patterns.length);
    const parent: number[] = [-1];
    const code: number[] = [0];
    const own: number[] = [-1];
    const last: number[] = [-1];
    const same = new Int32Array(patterns.length).fill(-1);
    let singles: Map<number, number> | null = null;
    patterns.forEach((p, idx) => {
      if (!p) return;
      let s = 0;
      for (let d = 0; d < p.length; d++) {
        const c = p.charCodeAt(d);
        let n = child.get(s, c);
        if (n < 0) {
          n = own.length;
          child.set(s, c, n);
          parent.push(s);
          code.push(c);
          own.push(-1);
          last.push(-1);
          if (d === 1) {
            const a = p.charCodeAt(0);
            this.pairs.set(a, c, n);
            this.firstChars[a >>> 5]! |= 1 << (a & 31);
            this.secondChars[c >>> 5]! |= 1 << (c & 31);
          }
        }
        s = n;
      }
      if (p.length === 1) (singles ??= new Map()).set(p.charCodeAt(0), s);
      if (own[s]! < 0) own[s] = idx;
      else same[last[s]!] = idx;
      last[s] = idx;
    });
    const nodes = own.length;
    this.own = Int32Array.from(own);
    this.same = same;
    this.singles = singles;
    this.childStart = new Int32Array(nodes + 1);
    for (let n = 1; n < nodes; n++) this.childStart[parent[n]! + 1]!++;
    for (let n = 0; n < nodes; n++) this.childStart[n + 1] = this.childStart[n + 1]! + this.childStart[n]!;
    this.childCode = new Uint16Array(Math.max(nodes - 1, 0));
    this.childNode = new Int32Array(Math.max(nodes - 1, 0));
    const fill = this.childStart.slice(0, nodes);
    for (let n = 1; n < nodes; n++) {
      const at = fill[parent[n]!]!++;
      this.childCode[at] = code[n]!;
      this.childNode[at] = n;
    }
  }

  /**
   * The first occurrence of each pattern not yet marked in `seen` (indexed by pattern) in a text given
   * as its first `length` code units, in the order of {@link findAll}: marks it, and writes the pattern
   * and its start to `patterns` and `starts` from index 0 (work arrays: entries past the count are left
   * as they were). Returns the count. The caller clears the marks.
   */
  firstHits(codes: Uint16Array, length: number, seen: Uint8Array, patterns: number[], starts: number[]): number {
    let count = 0;
    // The hottest loop of alignment: written out, no call per position.
    const { pairs, firstChars, secondChars, singles, childStart, childCode, childNode, own, same } = this;
    for (let i = 0; i < length; i++) {
      const a = codes[i]!;
      if (singles !== null) {
        const n = singles.get(a);
        if (n !== undefined) {
          for (let p = own[n]!; p >= 0; p = same[p]!) {
            if (seen[p] !== 0) continue;
            seen[p] = 1;
            patterns[count] = p;
            starts[count++] = i;
          }
        }
      }
      if (i + 1 >= length) break;
      const b = codes[i + 1]!;
      if ((firstChars[a >>> 5]! & (1 << (a & 31))) === 0 || (secondChars[b >>> 5]! & (1 << (b & 31))) === 0) continue;
      // Down the trie from the pair while the text follows it, taking the patterns passed.
      for (let s = pairs.get(a, b), j = i + 2; s >= 0; j++) {
        for (let p = own[s]!; p >= 0; p = same[p]!) {
          if (seen[p] !== 0) continue;
          seen[p] = 1;
          patterns[count] = p;
          starts[count++] = i;
        }
        if (j >= length) break;
        const c = codes[j]!;
        let next = -1;
        for (let e = childStart[s]!, end = childStart[s + 1]!; e < end; e++) {
          if (childCode[e] === c) {
            next = childNode[e]!;
            break;
          }
        }
        s = next;
      }
    }
    // Found by start; into the order of end, longer first at one end (insertion sort, stable: the
    // list is short, and mostly in order already).
    const lengths = this.lengths;
    for (let k = 1; k < count; k++) {
      const p = patterns[k]!;
      const start = starts[k]!;
      const len = lengths[p]!;
      let j = k - 1;
      for (; j >= 0; j--) {
        const q = patterns[j]!;
        const qLen = lengths[q]!;
        const qEnd = starts[j]! + qLen;
        if (qEnd < start + len || (qEnd === start + len && qLen >= len)) break;
        patterns[j + 1] = q;
        starts[j + 1] = starts[j]!;
      }
      patterns[j + 1] = p;
      starts[j + 1] = start;
    }
    return count;
  }

  /** Every occurrence of every pattern in `text`, in order of their end; at one end, longer patterns first. */
  findAll(text: string): PhraseHit[] {
    const hits: PhraseHit[] = [];
    const add = (s: number, end: number) => {
      for (let p = this.own[s]!; p >= 0; p = this.same[p]!) hits.push({ pattern: p, end });
    };
    for (let i = 0; i < text.length; i++) {
      const one = this.singles?.get(text.charCodeAt(i));
      if (one !== undefined) add(one, i + 1);
      if (i + 1 >= text.length) break;
      for (let s = this.pairs.get(text.charCodeAt(i), text.charCodeAt(i + 1)), j = i + 2; s >= 0; j++) {
        add(s, j);
        s = j < text.length ? this.childOf(s, text.charCodeAt(j)) : -1;
      }
    }
    // Stable: duplicates of a pattern stay in index order.
    return hits.sort((x, y) => x.end - y.end || this.lengths[y.pattern]! - this.lengths[x.pattern]!);
  }

  private childOf(s: number, c: number): number {
    for (let e = this.childStart[s]!; e < this.childStart[s + 1]!; e++) if (this.childCode[e] === c) return this.childNode[e]!;
    return -1;
  }

  /** Calls `onHit(pattern, end)` for every occurrence, in the order of {@link findAll}. */
  scan(text: string, onHit: (pattern: number, end: number) => void): void {
    for (const h of this.findAll(text)) onHit(h.pattern, h.end);
  }
}
