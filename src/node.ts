/**
 * Node-only entry point (`gangyao/node`): reading plans from the file system. Everything else lives in
 * the main entry, which runs in browsers too.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { loadPlan, type LoadOptions, type LoadResult } from './load/load-plan.js';

/**
 * Reads and parses one plan file; a missing or unreadable file gives a diagnostic, not an exception.
 *
 * @example
 * const { plan } = await loadPlanFile('seeds/000_4b23307378cbe49b.txt');
 * plan?.region?.name; // '兰州市'
 */
export async function loadPlanFile(file: string, options: LoadOptions = {}): Promise<LoadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    return { source: file, plan: null, text: null, diagnostics: [{ code: 'input/unreadable', severity: 'error', message: `${file}: ${reason}`, source: file }] };
  }
  return loadPlan(bytes, file, options);
}

/** Reads many plan files in order; one bad file never stops the others. */
export async function loadPlanFiles(files: readonly string[], options: LoadOptions = {}): Promise<LoadResult[]> {
  const out: LoadResult[] = [];
  for (const f of files) out.push(await loadPlanFile(f, options));
  return out;
}

/**
 * Expands a glob pattern (`*`, `?`, `**`, `[abc]`) to the matching files, sorted. Node 20 has no
 * fs.glob; this covers what a shell would.
 */
export async function expandGlob(pattern: string): Promise<string[]> {
  const parts = pattern.split(/[\\/]/u);
  const fixed: string[] = [];
  while (parts.length > 1 && !/[*?[]/u.test(parts[0]!)) fixed.push(parts.shift()!);
  const root = fixed.length ? fixed.join('/') || '/' : '.';
  const re = new RegExp(`^${parts.map(globPart).join('/')}$`, 'u');
  const out: string[] = [];
  async function walk(dir: string, rel: string, depth: number): Promise<void> {
    if (depth > 32) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(path.join(dir, e.name), r, depth + 1);
      else if (re.test(r)) out.push(fixed.length ? `${root === '/' ? '' : root}/${r}` : r);
    }
  }
  await walk(root, '', 0);
  return out.sort();
}

function globPart(p: string): string {
  if (p === '**') return '(?:.*)';
  return p.replace(/[.+^${}()|\\]/gu, '\\$&').replace(/\*/gu, '[^/]*').replace(/\?/gu, '[^/]');
}
