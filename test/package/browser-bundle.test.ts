import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('the main entry in a browser bundle', () => {
  it('bundles for the browser platform with no Node built-in left unresolved', async () => {
    const r = await build({
      entryPoints: [path.join(root, 'src/index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    expect(r.errors).toHaveLength(0);
    const inputs = Object.keys(r.metafile!.inputs);
    expect(inputs.some((i) => i.includes('src/parse/parse-plan.ts'))).toBe(true);
    expect(inputs.filter((i) => /^node:|src\/(node|cli\/)/u.test(i))).toEqual([]);
  });
});
