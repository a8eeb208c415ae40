/**
 * The index of the first item of `list` whose key is at or after `at` (`list.length` when none), for
 * a list in increasing order of its keys: a binary search. For whole-number keys, `firstKeyAtOrAfter(
 * list, at + 1, key)` counts the items at or before `at`.
 */
export function firstKeyAtOrAfter<T>(list: ArrayLike<T>, at: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]!) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the first number at or after `at` in an increasing list (`list.length` when none). */
export function firstAtOrAfter(list: ArrayLike<number>, at: number): number {
  return firstKeyAtOrAfter(list, at, (x) => x);
}
