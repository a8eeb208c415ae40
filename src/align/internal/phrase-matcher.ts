/** One occurrence of a pattern in a text: the pattern's index and the end of the occurrence (exclusive). */
export interface PhraseHit {
  pattern: number;
  end: number;
}

/**
 * Aho–Corasick matcher over a fixed list of patterns, compiled to a full transition table over the
 * patterns' own characters (any other character leads back to the start): built once per template, it
 * finds every occurrence of every pattern in one pass over a text, one table look-up per character.
 * Table size: states × distinct pattern characters (a few thousand × under a thousand for a template).
 */
export class PhraseMatcher {
  readonly patterns: readonly string[];
  /** Column of each code unit in the table, −1 when no pattern has it. */
  private readonly column = new Int32Array(0x10000).fill(-1);
  private readonly width: number;
  private readonly table: Int32Array;
  /** Patterns ending at each state (own and through failure links). */
  private readonly out: number[][];

  constructor(patterns: readonly string[]) {
    this.patterns = patterns;
    let width = 0;
    for (const p of patterns) for (let k = 0; k < p.length; k++) if (this.column[p.charCodeAt(k)] === -1) this.column[p.charCodeAt(k)] = width++;
    this.width = width;
    // The trie.
    const next: Map<number, number>[] = [new Map()];
    const out: number[][] = [[]];
    patterns.forEach((p, idx) => {
      if (!p) return;
      let s = 0;
      for (let k = 0; k < p.length; k++) {
        const c = this.column[p.charCodeAt(k)]!;
        let n = next[s]!.get(c);
        if (n === undefined) {
          n = next.length;
          next.push(new Map());
          out.push([]);
          next[s]!.set(c, n);
        }
        s = n;
      }
      out[s]!.push(idx);
    });
    // Breadth first: failure links, merged outputs, and the full table (a missing edge follows the failure link's).
    const table = new Int32Array(next.length * width);
    const fail = new Int32Array(next.length);
    const queue: number[] = [];
    for (const [c, n] of next[0]!) {
      table[c] = n;
      queue.push(n);
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      const f = fail[s]!;
      if (out[f]!.length > 0) out[s] = [...out[s]!, ...out[f]!];
      for (let c = 0; c < width; c++) {
        const n = next[s]!.get(c);
        if (n === undefined) table[s * width + c] = table[f * width + c]!;
        else {
          table[s * width + c] = n;
          fail[n] = table[f * width + c]!;
          queue.push(n);
        }
      }
    }
    this.table = table;
    this.out = out;
  }

  /** Every occurrence of every pattern in `text`, in order of their end. */
  findAll(text: string): PhraseHit[] {
    const hits: PhraseHit[] = [];
    this.scan(text, (pattern, end) => hits.push({ pattern, end }));
    return hits;
  }

  /** Calls `onHit(pattern, end)` for every occurrence, in order of their end (no allocation per hit). */
  scan(text: string, onHit: (pattern: number, end: number) => void): void {
    const { column, table, width, out } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = column[text.charCodeAt(i)]!;
      s = c < 0 ? 0 : table[s * width + c]!;
      const o = out[s]!;
      for (let k = 0; k < o.length; k++) onHit(o[k]!, i + 1);
    }
  }
}
