/**
 * Sorts a short array in place, stably (insertion sort): the result of `Array.prototype.sort` with the
 * same comparator, without the work array a library sort allocates.
 */
export function sortSmall<T>(xs: T[], compare: (a: T, b: T) => number): T[] {
  for (let k = 1; k < xs.length; k++) {
    const x = xs[k]!;
    let j = k - 1;
    for (; j >= 0 && compare(xs[j]!, x) > 0; j--) xs[j + 1] = xs[j]!;
    xs[j + 1] = x;
  }
  return xs;
}
