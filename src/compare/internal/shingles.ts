/**
 * Character n-gram hashes: for each position i of `codes` with a full n-gram after it, a 52-bit hash
 * of codes[i..i+n) (two 32-bit FNV-1a variants combined, so collisions are negligible at the scale of
 * thousands of plans). Linear in the length.
 */
export function shingleHashes(codes: Uint32Array, n: number): Float64Array {
  const m = Math.max(0, codes.length - n + 1);
  const out = new Float64Array(m);
  // The `| 0`s keep the arithmetic in 32-bit integers (the same bits: Math.imul and ^ read them so).
  for (let i = 0; i < m; i++) {
    let a = 0x811c9dc5 | 0;
    let b = 0x9747b28c | 0;
    const end = i + n;
    for (let j = i; j < end; j++) {
      const c = codes[j]! | 0;
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ (c + 0x9e37), 0x5bd1e995);
      b ^= b >>> 15;
    }
    out[i] = (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff);
  }
  return out;
}

/**
 * Winnowing (Schleimer, Wilkerson & Aiken 2003): the minimum hash of every window of `w` consecutive
 * n-gram hashes (the rightmost on ties), each kept once. Any passage shared by two texts that is at
 * least w + n − 1 characters long yields a fingerprint both have. Linear time (a monotone deque).
 */
export function winnow(hashes: Float64Array, w: number): number[] {
  const out: number[] = [];
  if (hashes.length === 0) return out;
  if (hashes.length <= w) {
    let min = 0;
    for (let i = 1; i < hashes.length; i++) if (hashes[i]! <= hashes[min]!) min = i;
    return [hashes[min]!];
  }
  const deque: number[] = [];
  let head = 0;
  let last = -1;
  for (let i = 0; i < hashes.length; i++) {
    while (deque.length > head && hashes[deque[deque.length - 1]!]! >= hashes[i]!) deque.pop();
    deque.push(i);
    if (deque[head]! <= i - w) head++;
    if (i >= w - 1) {
      const pick = deque[head]!;
      if (pick !== last) {
        out.push(hashes[pick]!);
        last = pick;
      }
    }
  }
  return out;
}

/**
 * {@link winnow} into `out` (at least as long as `hashes`), with `deque` (as long too) for its work:
 * returns how many fingerprints it wrote. The same fingerprints in the same order, without arrays
 * that grow.
 */
export function winnowInto(hashes: Float64Array, w: number, out: Float64Array, deque: Int32Array): number {
  if (hashes.length === 0) return 0;
  if (hashes.length <= w) {
    let min = 0;
    for (let i = 1; i < hashes.length; i++) if (hashes[i]! <= hashes[min]!) min = i;
    out[0] = hashes[min]!;
    return 1;
  }
  let count = 0;
  let head = 0;
  let tail = 0;
  let last = -1;
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes[i]!;
    while (tail > head && hashes[deque[tail - 1]!]! >= h) tail--;
    deque[tail++] = i;
    if (deque[head]! <= i - w) head++;
    if (i >= w - 1) {
      const pick = deque[head]!;
      if (pick !== last) {
        out[count++] = hashes[pick]!;
        last = pick;
      }
    }
  }
  return count;
}

/** A well-spread 32-bit slot number for a 52-bit hash (its low 32 bits, mixed). */
export function mix(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x45d9f3b);
  x ^= x >>> 16;
  return x >>> 0;
}
