/**
 * Maximum-weight assignment of rows to columns where each row may also stay unassigned at a value of
 * `nullValue[row]`. `score[r][c] = -Infinity` (or any value that is not finite) forbids a pair; values
 * must lie well within ±100,000 (the method below marks forbidden pairs with a cost of a million).
 * Returns, for each row, its column or -1. Deterministic: with equal totals the earlier row and column win,
 * so callers that want order independence pass rows and columns in a canonical order.
 *
 * Most plans' sections have one clear best item each (a column no other row's best is, or staying
 * unassigned): then those bests are the one optimum, taken as they are; else {@link hungarian}, on the
 * rows that can take a column in an optimum when there are more than columns squared (a plan read as
 * 20,000 sections made a matrix of 3 GB), on the columns a row can take in one when there are more than
 * rows squared (a template of 1,600 items took 10 s a plan).
 */
export function assignMax(score: readonly (readonly number[])[], nullValue: readonly number[]): number[] {
  if (score.length === 0) return [];
  const C = score[0]!.length;
  const clear = clearBests(score, nullValue, C);
  if (clear) return clear;
  const R = score.length;
  if (R > C * C) {
    const rows = candidateRows(score, nullValue, C);
    const chosen = hungarian(
      rows.map((r) => score[r]!),
      rows.map((r) => nullValue[r]!),
    );
    const out = new Array<number>(R).fill(-1);
    rows.forEach((r, k) => (out[r] = chosen[k]!));
    return out;
  }
  if (C > R * R) {
    const cols = candidateColumns(score, nullValue, C);
    const chosen = hungarian(
      score.map((row) => cols.map((c) => row[c]!)),
      nullValue,
    );
    return chosen.map((k) => (k < 0 ? -1 : cols[k]!));
  }
  return hungarian(score, nullValue);
}

/**
 * The rows, in order, that may take a column in a maximum assignment: for each column, the rows gaining
 * by it over staying unassigned whose gain is among the column's C best (ties and near-ties kept). Any
 * other row is unassigned in every optimum: were it given column c, one of c's C better rows would be
 * unassigned (the other C − 1 columns hold at most C − 1 of them), and swapping would gain.
 */
export function candidateRows(score: readonly (readonly number[])[], nullValue: readonly number[], C: number): number[] {
  return bestOf(C, score.length, C, (j, i) => gain(score, nullValue, i, j));
}

/**
 * The columns, in order, that a maximum assignment may use, when there are many more columns than rows
 * (a template of 1,600 items): for each row, the columns whose gain over staying unassigned is among the
 * row's R best (ties and near-ties kept). A row given any other column has a free better one among its R.
 */
export function candidateColumns(score: readonly (readonly number[])[], nullValue: readonly number[], C: number): number[] {
  const R = score.length;
  return bestOf(R, C, R, (i, j) => gain(score, nullValue, i, j));
}

/** What giving column `j` to row `i` gains over leaving the row unassigned; −Infinity for a forbidden pair. */
function gain(score: readonly (readonly number[])[], nullValue: readonly number[], i: number, j: number): number {
  const v = score[i]![j]!;
  return Number.isFinite(v) ? v - nullValue[i]! : -Infinity;
}

/**
 * The members (0..`members` − 1), in order, that are among the `k` best of some line (0..`lines` − 1)
 * by `gainOf(line, member)`, counting those that gain at least nothing, with a little room below the
 * k-th gain and below no gain, as the Hungarian method reads near-ties (1e-12 a step) — but no more
 * than 2k a line, the earlier members first among equal gains: thousands of sections with one title
 * tie for every item, and all of them made the matrix of gigabytes this pruning is for (16,000: 2.4 GB).
 * k of a line's best are enough for an optimum; which of equals it takes may then differ from the
 * Hungarian method's on them all.
 */
function bestOf(lines: number, members: number, k: number, gainOf: (line: number, member: number) => number): number[] {
  const keep = new Uint8Array(members);
  const gains: number[] = [];
  const near: number[] = [];
  for (let l = 0; l < lines; l++) {
    gains.length = 0;
    for (let m = 0; m < members; m++) {
      const g = gainOf(l, m);
      if (g >= -1e-9) gains.push(g);
    }
    if (gains.length === 0) continue;
    gains.sort((a, b) => b - a);
    const bar = gains[Math.min(k, gains.length) - 1]! - 1e-9;
    near.length = 0;
    for (let m = 0; m < members; m++) {
      const g = gainOf(l, m);
      if (g >= -1e-9 && g >= bar) near.push(m);
    }
    // Stable: among equal gains the earlier member stays first.
    if (near.length > 2 * k) near.sort((a, b) => gainOf(l, b) - gainOf(l, a)).length = 2 * k;
    for (const m of near) keep[m] = 1;
  }
  const out: number[] = [];
  for (let m = 0; m < members; m++) if (keep[m]) out.push(m);
  return out;
}

/**
 * {@link assignMax} by the Hungarian method (Kuhn–Munkres, O(n³)) on a square matrix padded with one
 * "unassigned" column per row and one "unused" row per column.
 */
export function hungarian(score: readonly (readonly number[])[], nullValue: readonly number[]): number[] {
  const R = score.length;
  const C = R === 0 ? 0 : score[0]!.length;
  if (R === 0) return [];
  const n = R + C;
  const BIG = 1e6;
  const w = work(n);
  // The square cost matrix, row-major: real rows × (items, then one "unassigned" column per row);
  // padding rows cost nothing anywhere.
  const costs = w.costs;
  costs.fill(0, 0, n * n);
  for (let i = 0; i < R; i++) {
    for (let j = 0; j < n; j++) {
      let c: number;
      if (j < C) {
        const s = score[i]![j]!;
        c = Number.isFinite(s) ? -s : BIG;
      } else c = j - C === i ? -nullValue[i]! : BIG;
      costs[i * n + j] = c;
    }
  }
  const { u, v, p, way, minv, used } = w;
  u.fill(0, 0, n + 1);
  v.fill(0, 0, n + 1);
  p.fill(0, 0, n + 1);
  way.fill(0, 0, n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity, 0, n + 1);
    used.fill(0, 0, n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = costs[(i0 - 1) * n + j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]! - 1e-12) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta - 1e-12) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else minv[j] = minv[j]! - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const out = new Array<number>(R).fill(-1);
  for (let j = 1; j <= n; j++) {
    const i = p[j]! - 1;
    if (i >= 0 && i < R && j - 1 < C) out[i] = score[i]![j - 1]! > -Infinity ? j - 1 : -1;
  }
  return out;
}

/** Apart from the next best by more than this, a row's best is clear (the Hungarian method's own tolerance is 1e-12 a step). */
const CLEAR = 1e-9;

/**
 * Each row's best choice when every row has one by a clear margin (over its other columns and over
 * staying unassigned, forbidden pairs aside) and no two rows' best is the same column; else null. The
 * sum of the rows' bests bounds every assignment's total, and any other assignment leaves some row
 * below its best: so this is the one optimum.
 */
function clearBests(score: readonly (readonly number[])[], nullValue: readonly number[], C: number): number[] | null {
  const taken = takenWork.length >= C ? takenWork.fill(0, 0, C) : (takenWork = new Uint8Array(Math.max(C, 2 * takenWork.length)));
  const out = new Array<number>(score.length);
  for (let i = 0; i < score.length; i++) {
    const row = score[i]!;
    let best = nullValue[i]!;
    let second = -Infinity;
    let col = -1;
    for (let j = 0; j < C; j++) {
      const s = row[j]!;
      if (!Number.isFinite(s)) continue;
      if (s > best) {
        second = best;
        best = s;
        col = j;
      } else if (s > second) second = s;
    }
    if (!(best - second > CLEAR)) return null;
    if (col >= 0) {
      if (taken[col]) return null;
      taken[col] = 1;
    }
    out[i] = col;
  }
  return out;
}
let takenWork = new Uint8Array(64);

/** Work arrays of {@link assignMax}, kept between calls (JS runs one call at a time) and grown as needed. */
interface Work {
  size: number;
  costs: Float64Array;
  u: Float64Array;
  v: Float64Array;
  p: Int32Array;
  way: Int32Array;
  minv: Float64Array;
  used: Uint8Array;
}
let scratch: Work | null = null;

function work(n: number): Work {
  if (!scratch || scratch.size < n) {
    const size = Math.max(n, 32);
    scratch = {
      size,
      costs: new Float64Array(size * size),
      u: new Float64Array(size + 1),
      v: new Float64Array(size + 1),
      p: new Int32Array(size + 1),
      way: new Int32Array(size + 1),
      minv: new Float64Array(size + 1),
      used: new Uint8Array(size + 1),
    };
  }
  return scratch;
}
