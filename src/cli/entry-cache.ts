/**
 * `--cache DIR`: report entries kept between runs, so that re-running a batch after correcting a few of
 * its plans reads, parses and analyses only those. An entry is found by a key made of everything it
 * depends on — the running gangyao's code, the template asked for, whether evidence is collected, the
 * input's name as given and its bytes — so a stale entry is never found: a changed plan, template or
 * gangyao gives another key. The store itself (files, hashing) is the host's (main.ts); this module only
 * says what goes into a key and how an entry is kept, and runs wherever the CLI runs.
 */
import type { ReportPlanDigest } from '../analyze/report-json.js';
import type { Template } from '../template/schema.js';
import type { BatchFile } from './run.js';
import { utf8 } from './utf8.js';

/** A store of cached report entries, by key (see {@link entryKeyParts}). */
export interface EntryCache {
  /**
   * The key of these parts: a hash of them with the identity of the running gangyao (its code), so
   * that entries made by another version or build are never found.
   */
  key(parts: readonly (string | Uint8Array)[]): string;
  /** The value kept under `key`, or null. */
  get(key: string): Uint8Array | null;
  /** Keeps `value` under `key`; returns why it could not (the CLI says so once and goes on), else null. */
  put(key: string, value: Uint8Array): string | null;
}

/** Bumped when what a cached value holds changes. */
const LAYOUT = 'gangyao-entry-cache/1';

/** What a report entry depends on besides the code: the template asked for (null: chosen per plan), evidence, the name and the bytes. */
export function entryKeyParts(template: Template | null, evidence: boolean, source: string, bytes: Uint8Array): (string | Uint8Array)[] {
  return [LAYOUT, template === null ? '' : JSON.stringify(template), evidence ? 'evidence' : 'no-evidence', source, bytes];
}

/** A cached value: one line of JSON (whether the file gave a plan, and the entry's digest), then the entry's JSON line as UTF-8. */
export function encodeEntry(file: Pick<BatchFile, 'read' | 'digest'>, json: Uint8Array): Uint8Array {
  const head = utf8(`${JSON.stringify({ read: file.read, digest: file.digest, bytes: json.length })}\n`);
  const out = new Uint8Array(head.length + json.length);
  out.set(head);
  out.set(json, head.length);
  return out;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A value read back: null when it is not one {@link encodeEntry} made (a damaged file is a miss, made anew). */
export function decodeEntry(value: Uint8Array): { read: boolean; digest: ReportPlanDigest; json: Uint8Array } | null {
  const nl = value.indexOf(0x0a);
  if (nl < 0) return null;
  try {
    const head = JSON.parse(decoder.decode(value.subarray(0, nl))) as { read?: unknown; digest?: Partial<ReportPlanDigest>; bytes?: unknown };
    const d = head.digest;
    if (typeof head.read !== 'boolean' || !d || typeof d.errors !== 'number' || typeof d.warnings !== 'number' || d.template === undefined) return null;
    const json = value.subarray(nl + 1);
    // A value cut short (a disk that filled up) is not one.
    if (json.length !== head.bytes || json[0] !== 0x7b) return null;
    return { read: head.read, digest: d as ReportPlanDigest, json };
  } catch {
    return null;
  }
}
