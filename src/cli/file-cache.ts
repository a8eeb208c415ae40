/**
 * The `--cache DIR` store on disk (Node): one file per entry, named by its key (SHA-256, hex) under a
 * folder of its first two digits, written to a temporary name and renamed, so a reader never sees half
 * a file. The key holds the running code's identity: the SHA-256 of the JavaScript files beside this
 * module (the built package), so an entry made by another build of gangyao is never found.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
    codeIdentity = h.digest('hex');
  }
  return codeIdentity;
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourcesUnder(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
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
    get(key) {
      try {
        return new Uint8Array(readFileSync(path.join(dir, key.slice(0, 2), key.slice(2))));
      } catch {
        return null;
      }
    },
    put(key, value) {
      const sub = path.join(dir, key.slice(0, 2));
      const file = path.join(sub, key.slice(2));
      const tmp = `${file}.${process.pid}.${n++}.tmp`;
      try {
        if (!made.has(sub)) {
          mkdirSync(sub, { recursive: true });
          made.add(sub);
        }
        writeFileSync(tmp, value);
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
