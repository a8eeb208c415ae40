/**
 * Node-only entry point (`gangyao/node`): reading plans from the file system. Everything else lives in
 * the main entry, which runs in browsers too.
 */
import { closeSync, fstatSync, openSync, readSync, statSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { loadPlan, LoadOptionsSchema, MAX_INPUT_BYTES, tooLarge, unreadable, type LoadOptions, type LoadResult } from './load/load-plan.js';
import { checkOptions } from './model/check-options.js';

/**
 * Reads and parses one plan file; a missing or unreadable file gives a diagnostic, not an exception.
 *
 * @example
 * const { plan } = await loadPlanFile('seeds/000_4b23307378cbe49b.txt');
 * plan?.region?.name; // '兰州市'
 */
export async function loadPlanFile(file: string, options: LoadOptions = {}): Promise<LoadResult> {
  checkOptions('loadPlanFile', LoadOptionsSchema, options);
  const read = readPlanBytes(file);
  return 'failed' in read ? read.failed : loadPlan(read.bytes, file, options);
}

/**
 * A plan file's bytes, read synchronously (a promise per file costs more than reading a plan), or the
 * result for a file that cannot be read as a plan: missing, unreadable, a directory, or larger than
 * {@link MAX_INPUT_BYTES} — told from its size before anything is read, and for a file of unknown size
 * (a pipe, a device) by reading no more than the limit.
 *
 * @example
 * const r = readPlanBytes('huge.txt');
 * if ('failed' in r) console.log(r.failed.diagnostics[0]?.code); // 'input/too-large'
 */
export function readPlanBytes(file: string): { bytes: Uint8Array } | { failed: LoadResult } {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    return { failed: unreadable(file, e) };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { failed: unreadable(file, { code: 'EISDIR' }) };
    if (stat.size > MAX_INPUT_BYTES) return { failed: tooLarge(file, stat.size) };
    // One byte more than the size, so the end is seen in one read; a file that grows, or has no size,
    // is read in doubling steps up to one byte past the limit.
    let buf = new Uint8Array(Math.min(MAX_INPUT_BYTES + 1, stat.size > 0 ? stat.size + 1 : 1 << 16));
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (n > MAX_INPUT_BYTES) return { failed: tooLarge(file, null) };
        const more = new Uint8Array(Math.min(MAX_INPUT_BYTES + 1, buf.length * 2));
        more.set(buf);
        buf = more;
      }
      const k = readSync(fd, buf, n, buf.length - n, null);
      if (k === 0) break;
      n += k;
    }
    return { bytes: n === buf.length ? buf : buf.subarray(0, n) };
  } catch (e) {
    return { failed: unreadable(file, e) };
  } finally {
    closeSync(fd);
  }
}

/** Reads many plan files in order; one bad file never stops the others. */
export async function loadPlanFiles(files: readonly string[], options: LoadOptions = {}): Promise<LoadResult[]> {
  checkOptions('loadPlanFiles', LoadOptionsSchema, options);
  const out: LoadResult[] = [];
  for (const f of files) out.push(await loadPlanFile(f, options));
  return out;
}

/** What a directory given as input is taken to hold: files of these kinds. */
const PLAN_FILE = /\.(?:txt|docx|html?)$/iu;

/**
 * The plan files under a directory (`.txt`, `.docx`, `.html`, `.htm`; regular files or links to them,
 * up to 32 folders deep; hidden entries and linked folders passed over), ordered by their path under
 * it; null when `dir` is not a directory. Other files (a README, a saved report) are left alone: name
 * them to read them. Throws when the directory itself cannot be read, saying why.
 *
 * @example
 * await planFilesIn('plans'); // ['plans/甘肃省/兰州市.txt', 'plans/甘肃省/天水市.docx', …]
 */
export async function planFilesIn(dir: string): Promise<string[] | null> {
  try {
    if (!statSync(dir).isDirectory()) return null;
  } catch {
    return null;
  }
  // As given (a glob over the same folder names its files alike), one separator before each path under it.
  const base = dir.replace(/(?<=.)[\\/]+$/u, '');
  const prefix = /[\\/]$/u.test(base) ? base : `${base}/`;
  const found: string[] = [];
  await walkFiles(
    dir,
    (rel, entry) => {
      if (!PLAN_FILE.test(entry.name)) return;
      if (entry.isFile() || (entry.isSymbolicLink() && isFileAt(`${prefix}${rel}`))) found.push(rel);
    },
    true,
  );
  // Sorted by UTF-16 code units (the default sort), the same on every platform and in every locale.
  return found.sort().map((rel) => `${prefix}${rel}`);
}

function isFileAt(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * Calls `onFile` with the path (relative to `root`, `/`-separated) and the entry of everything under
 * `root` that is not a folder, into folders up to 32 deep; folders below `root` that cannot be read are
 * passed over, `root` itself throws. `skipHidden`: pass over names starting with a dot.
 */
async function walkFiles(root: string, onFile: (rel: string, entry: Dirent) => void, skipHidden: boolean): Promise<void> {
  async function walk(dir: string, rel: string, depth: number): Promise<void> {
    if (depth > 32) return;
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      if (depth === 0) throw e;
      return;
    }
    for (const e of entries) {
      if (skipHidden && e.name.startsWith('.')) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(path.join(dir, e.name), r, depth + 1);
      else onFile(r, e);
    }
  }
  await walk(root, '', 0);
}

/**
 * Expands a glob pattern (`*`, `?`, `**`, `[abc]`, `[a-z]`, `[!abc]`) to the matching files, sorted.
 * Node 20 has no fs.glob; this covers what a shell would: `**` is any number of folders, none included;
 * a name starting with a dot, file or folder, matches only a pattern part that starts with one (`**`
 * never enters `.git`); only files (or links to files) are listed, never a pipe or a device; a `[`
 * without its `]` is itself, a `-` first or last in a class is itself, a reversed range (`[z-a]`)
 * matches nothing.
 */
export async function expandGlob(pattern: string): Promise<string[]> {
  const parts = pattern.split(/[\\/]/u);
  const fixed: string[] = [];
  while (parts.length > 1 && !/[*?[]/u.test(parts[0]!)) fixed.push(parts.shift()!);
  const root = fixed.length ? fixed.join('/') || '/' : '.';
  let source = '';
  parts.forEach((p, i) => {
    const last = i === parts.length - 1;
    // `**` crosses folders whose names do not start with a dot.
    if (p === '**') source += last ? '(?:(?!\\.)[^/]*/)*(?!\\.)[^/]*' : '(?:(?!\\.)[^/]*/)*';
    else source += globPart(p) + (last ? '' : '/');
  });
  const re = new RegExp(`^${source}$`, 'u');
  // Hidden names are walked only when a part could match one; the expression decides which.
  const hidden = parts.some((p) => p.startsWith('.'));
  const at = (r: string) => (fixed.length ? `${root === '/' ? '' : root}/${r}` : r);
  const out: string[] = [];
  try {
    await walkFiles(
      root,
      (r, entry) => {
        if (re.test(r) && (entry.isFile() || (entry.isSymbolicLink() && isFileAt(at(r))))) out.push(at(r));
      },
      !hidden,
    );
  } catch {
    // A folder that cannot be read matches nothing.
  }
  return out.sort();
}

/** A character of a glob as itself in a regular expression (`inClass`: in a character class). */
const literal = (c: string, inClass = false): string => ((inClass ? /[\]\\^[-]/u : /[.*+?^${}()|[\]\\/]/u).test(c) ? `\\${c}` : c);

/** One part of a glob (no separator in it) as a regular expression; a leading dot is never a wildcard's. */
function globPart(p: string): string {
  let out = p.startsWith('.') ? '' : '(?!\\.)';
  const chars = [...p];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      // A class runs to the next `]` (one right after `[` or `[!` is in the class); `!` or `^` negates;
      // `a-z` is a range, a `-` first or last is itself.
      let j = i + 1;
      const negate = chars[j] === '!' || chars[j] === '^';
      if (negate) j++;
      const from = j;
      if (chars[j] === ']') j++;
      while (j < chars.length && chars[j] !== ']') j++;
      if (j >= chars.length) {
        out += '\\[';
        continue;
      }
      const members = chars.slice(from, j);
      let cls = '';
      for (let k = 0; k < members.length; k++) {
        const a = members[k]!;
        const b = members[k + 2];
        if (members[k + 1] === '-' && b !== undefined) {
          // A reversed range holds nothing (a shell matches nothing for it either).
          if (a.codePointAt(0)! <= b.codePointAt(0)!) cls += `${literal(a, true)}-${literal(b, true)}`;
          k += 2;
        } else cls += literal(a, true);
      }
      if (negate) out += `[^/${cls}]`;
      else out += cls === '' ? '(?!)' : `[${cls}]`;
      i = j;
    } else out += literal(c);
  }
  return out;
}
