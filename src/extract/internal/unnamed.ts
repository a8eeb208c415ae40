/**
 * A pattern's twin without group names, for the hot scans. V8 builds each match's `groups` as a
 * dictionary object: a match of INDICATOR_FIGURE (seven named groups) costs about 710 bytes, of its
 * twin without names about 240. The twin matches exactly the same (only the names are gone, the
 * groups and their numbers stay); its matches are read by number: `m[FIGURE.group('num')]`.
 */
export interface Unnamed {
  /** The pattern without group names. */
  readonly re: RegExp;
  /** The number of the named group `name` (its index in a match); throws for a name the pattern lacks. */
  group(name: string): number;
  /** The names of the groups, by number (index 0 unused; an unnamed group has ''). */
  readonly names: readonly string[];
}

/**
 * The twin of `re` without group names, with the flags given (`re`'s own by default).
 *
 * @example
 * const twin = unnamed(/(?<y>\d{4})年/u);
 * twin.re.source;     // '(\\d{4})年'
 * twin.group('y');    // 1
 */
export function unnamed(re: RegExp, flags = re.flags): Unnamed {
  const src = re.source;
  if (/\\k</u.test(src)) throw new Error(`unnamed: ${src} refers to a group by name`);
  const names = [''];
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      out += c + (src[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(') {
      if (src[i + 1] !== '?') {
        names.push('');
      } else if (src[i + 2] === '<' && src[i + 3] !== '=' && src[i + 3] !== '!') {
        // `(?<name>`: a capturing group; it keeps its number as `(`.
        const close = src.indexOf('>', i);
        names.push(src.slice(i + 3, close));
        out += '(';
        i = close;
        continue;
      }
    }
    out += c;
  }
  const twin = new RegExp(out, flags);
  // The count of groups is checked against the engine's: a match of the empty alternative has them all.
  const probe = new RegExp(`${out}|`, flags.replace(/[gy]/gu, '')).exec('');
  if (probe === null || probe.length !== names.length) throw new Error(`unnamed: groups of ${src} miscounted`);
  return {
    re: twin,
    names,
    group(name: string): number {
      const k = names.indexOf(name);
      if (k <= 0) throw new Error(`unnamed: no group ${name} in ${src}`);
      return k;
    },
  };
}
