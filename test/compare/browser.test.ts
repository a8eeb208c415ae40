import { build } from 'esbuild';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('src/compare in a browser bundle', () => {
  it('bundles for the browser platform with no Node built-in', async () => {
    const r = await build({
      entryPoints: [path.join(root, 'src/compare/index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    expect(r.errors).toHaveLength(0);
    const inputs = Object.keys(r.metafile!.inputs);
    expect(inputs.some((i) => i.includes('src/compare/measure-reuse.ts'))).toBe(true);
    expect(inputs.filter((i) => /^node:|src\/(node|cli\/|load\/)/u.test(i))).toEqual([]);
  });
});
