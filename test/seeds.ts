import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const SEEDS_DIR = path.resolve(import.meta.dirname, '..', 'seeds');

/** The seed plans: file name and text as read. */
export function seedFiles(): { file: string; text: string }[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, text: readFileSync(path.join(SEEDS_DIR, file), 'utf8') }));
}

/** One seed by its position in the sorted list (tests describe what they expect of its content). */
export function seed(i: number): { file: string; text: string } {
  const s = seedFiles()[i];
  if (!s) throw new Error(`no seed number ${i}`);
  return s;
}
