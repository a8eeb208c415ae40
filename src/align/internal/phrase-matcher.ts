/** One occurrence of a pattern in a text: the pattern's index and the end of the occurrence (exclusive). */
export interface PhraseHit {
  pattern: number;
  end: number;
}

interface Node {
  next: Map<number, number>;
  fail: number;
  /** Patterns ending at this node (own and through failure links). */
  out: number[];
}

/**
 * Aho–Corasick matcher over a fixed list of patterns: built once per template, it finds every
 * occurrence of every pattern in one pass over a text (linear in the text plus the hits).
 */
export class PhraseMatcher {
  readonly patterns: readonly string[];
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];
  /** The root's transitions by code unit (0 = stay at the root): most characters start no pattern. */
  private readonly rootNext = new Int32Array(0x10000);

  constructor(patterns: readonly string[]) {
    this.patterns = patterns;
    patterns.forEach((p, idx) => {
      if (!p) return;
      let s = 0;
      for (let k = 0; k < p.length; k++) {
        const ch = p.charCodeAt(k);
        let n = this.nodes[s]!.next.get(ch);
        if (n === undefined) {
          n = this.nodes.length;
          this.nodes.push({ next: new Map(), fail: 0, out: [] });
          this.nodes[s]!.next.set(ch, n);
        }
        s = n;
      }
      this.nodes[s]!.out.push(idx);
    });
    for (const [ch, n] of this.nodes[0]!.next) this.rootNext[ch] = n;
    const queue: number[] = [];
    for (const n of this.nodes[0]!.next.values()) queue.push(n);
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      const node = this.nodes[s]!;
      for (const [ch, t] of node.next) {
        let f = node.fail;
        while (f !== 0 && !this.nodes[f]!.next.has(ch)) f = this.nodes[f]!.fail;
        const cand = this.nodes[f]!.next.get(ch);
        const target = this.nodes[t]!;
        target.fail = cand !== undefined && cand !== t ? cand : 0;
        target.out = [...target.out, ...this.nodes[target.fail]!.out];
        queue.push(t);
      }
    }
  }

  /** Every occurrence of every pattern in `text`, in order of their end. */
  findAll(text: string): PhraseHit[] {
    const hits: PhraseHit[] = [];
    this.scan(text, (pattern, end) => hits.push({ pattern, end }));
    return hits;
  }

  /** Calls `onHit(pattern, end)` for every occurrence, in order of their end (no allocation per hit). */
  scan(text: string, onHit: (pattern: number, end: number) => void): void {
    const nodes = this.nodes;
    const root = this.rootNext;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      let next: number | undefined;
      while (s !== 0) {
        next = nodes[s]!.next.get(ch);
        if (next !== undefined) break;
        s = nodes[s]!.fail;
      }
      s = s === 0 ? root[ch]! : next!;
      const out = nodes[s]!.out;
      for (let k = 0; k < out.length; k++) onHit(out[k]!, i + 1);
    }
  }
}
