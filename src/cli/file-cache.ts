/**
 * The `--cache DIR` store on disk (Node): one file per entry, named by its key (SHA-256, hex) under a
 * folder of its first two digits, written to a temporary name and renamed, so a reader never sees half
 * a file; each value is kept in V8's serialisation format (what worker threads send each other: objects,
 * strings and byte arrays as they were) after the SHA-256 of its key and itself, so one damaged in place,
 * or copied under another key (another plan's), reads as missing. The key
 * holds the running code's identity: the SHA-256 of the JavaScript files beside this module (the built
 * package), the Node.js versions and the dependencies' package.json, so an entry made by another build
 * of gangyao, or on another Node.js or dependency, is never found.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { threadId } from 'node:worker_threads';
import type { EntryCache } from './entry-cache.js';

let codeIdentity: string | null = null;

/**
 * The SHA-256 of the JavaScript files in the folder of the running module (the built package), in name
 * order; run from the sources (no such file there), of every `.ts` file under their root. Once per process.
 */
function identity(): string {
  if (codeIdentity === null) {
    const dir = path.dirname(fileURLToPath(import.meta.url));
    let files = readdirSync(dir).filter((n) => /\.(?:js|mjs|cjs)$/u.test(n)).map((n) => path.join(dir, n));
    if (files.length === 0) files = sourcesUnder(path.dirname(dir));
    const h = createHash('sha256');
    for (const f of files.sort()) {
      h.update(`${path.relative(dir, f)}\0`);
      h.update(readFileSync(f));
    }
    // What the code runs on: the Node.js (its regular expressions, ICU's decoders) and the dependencies
    // it imports (the region data, the HTML and Word readers …), each by its package.json as Node finds it.
    const { node, v8, icu, unicode } = process.versions;
    h.update(`\0node ${node} v8 ${v8} icu ${icu ?? ''} unicode ${unicode ?? ''}\0`);
    for (const name of dependencies(dir)) {
      h.update(`${name}\0`);
      h.update(packageJsonOf(name, dir) ?? 'not found');
      h.update('\0');
    }
    codeIdentity = h.digest('hex');
  }
  return codeIdentity;
}

/** Every `.ts` file under `dir` (gangyao run from its sources). */
function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourcesUnder(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** The names of gangyao's dependencies: those of the nearest package.json above `dir` (the package's own). */
function dependencies(dir: string): string[] {
  for (let d = dir; ; d = path.dirname(d)) {
    const file = path.join(d, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { dependencies?: Record<string, string> };
        return Object.keys(pkg.dependencies ?? {}).sort();
      } catch {
        return [];
      }
    }
    if (path.dirname(d) === d) return [];
  }
}

/** The package.json of the package `name` where Node would find it from `dir` (node_modules upwards). */
function packageJsonOf(name: string, dir: string): Buffer | null {
  for (let d = dir; ; d = path.dirname(d)) {
    try {
      return readFileSync(path.join(d, 'node_modules', name, 'package.json'));
    } catch {
      // Not here: one folder up.
    }
    if (path.dirname(d) === d) return null;
  }
}

/**
 * mkdir -p, but a folder that is still not found once its parent is there is a failure: Node's own
 * (recursive: true) spins for ever on such a path (under /proc).
 */
function makeDirs(d: string): void {
  try {
    mkdirSync(d);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    const parent = path.dirname(d);
    if (code !== 'ENOENT' || parent === d) throw e;
    makeDirs(parent);
    try {
      mkdirSync(d);
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code !== 'EEXIST') throw again;
    }
  }
}

/**
 * The SHA-256 of a value's key and the value, kept before it: an entry damaged in place (same length)
 * is read as missing, and so is a whole entry found under a key not its own (a file copied or restored
 * by hand), which its own checksum alone would pass.
 */
const SUM = 32;

function checksum(key: string, value: Uint8Array): Buffer {
  return createHash('sha256').update(`${key}\0`).update(value).digest();
}

/**
 * The bytes of a regular file, else null: a FIFO or device put where a value would be is not waited on
 * (opened without blocking, then passed over).
 */
function readValue(file: string): Buffer | null {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    return fstatSync(fd).isFile() ? readFileSync(fd) : null;
  } finally {
    closeSync(fd);
  }
}

/** The store in `dir` (made when the first entry is kept). */
export function openFileCache(dir: string): EntryCache {
  const made = new Set<string>();
  let n = 0;
  return {
    key(parts) {
      const h = createHash('sha256');
      h.update(identity());
      for (const p of parts) {
        // Each part preceded by its length: no two lists of parts give the same stream.
        const b = typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
        h.update(`\0${b.length}\0`);
        h.update(b);
      }
      return h.digest('hex');
    },
    pack: (value) => serialize(value),
    unpack: (bytes) => deserialize(bytes),
    get(key) {
      try {
        const b = readValue(path.join(dir, key.slice(0, 2), key.slice(2)));
        if (b === null || b.length < SUM) return null;
        const value = b.subarray(SUM);
        if (!checksum(key, value).equals(b.subarray(0, SUM))) return null;
        return deserialize(value);
      } catch {
        return null;
      }
    },
    put(key, data) {
      const sub = path.join(dir, key.slice(0, 2));
      const file = path.join(sub, key.slice(2));
      // The thread as well as the process: the workers of one batch each open the store, and two of them
      // keeping the same key (a plan given twice) must not write the same temporary file.
      const tmp = `${file}.${process.pid}.${threadId}.${n++}.tmp`;
      try {
        if (!made.has(sub)) {
          makeDirs(sub);
          made.add(sub);
        }
        const value = serialize(data);
        writeFileSync(tmp, Buffer.concat([checksum(key, value), value]));
        renameSync(tmp, file);
        return null;
      } catch (e) {
        try {
          rmSync(tmp, { force: true });
        } catch {
          // Nothing was written there.
        }
        return e instanceof Error ? e.message : String(e);
      }
    },
  };
}
