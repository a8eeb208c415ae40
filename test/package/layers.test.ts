import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(import.meta.dirname, '..', '..', 'src');

/** The pipeline's layers, lowest first: a module may import its own layer or lower ones only. */
const LAYERS = ['model', 'text', 'extract', 'parse', 'load', 'template', 'align', 'analyze', 'compare', 'report', 'cli'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const layerOf = (file: string) => LAYERS.indexOf(path.relative(SRC, file).split(path.sep)[0]!);

describe('layers go one way', () => {
  it('text → parse → model → align → analyze/compare → report → cli: no module imports a higher layer', () => {
    const back: string[] = [];
    let seen = 0;
    for (const f of files(SRC)) {
      const from = layerOf(f);
      if (from < 0) continue; // index.ts, node.ts, version.ts sit above everything
      for (const m of readFileSync(f, 'utf8').matchAll(/^(?:import|export)[^'";]*?from '(\.[^']+)'/gmu)) {
        seen++;
        const target = path.resolve(path.dirname(f), m[1]!);
        const to = layerOf(target);
        if (to > from) back.push(`${path.relative(SRC, f)} → ${path.relative(SRC, target)}`);
      }
    }
    expect(seen).toBeGreaterThan(200);
    expect(back).toEqual([]);
  });
});
