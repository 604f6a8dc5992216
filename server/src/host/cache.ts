// The CLI's result cache (--cache): what checking a file came to, by file, kept from one run to the
// next. An entry holds only while its key does: a digest of the checker's build, the settings and the
// file's bytes, so a changed file, rule setting or checker is checked again. The cache is one file (an
// index in JSON, then the pieces' bytes) replaced whole; one that cannot be read or used is set aside
// (everything is checked again).
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { msg, type Localized } from '../core';
import { writeFileAtomic } from './files';
import { InputError } from './errors';

/** The default cache file, in the working folder. */
export const DEFAULT_CACHE_FILE = '.gkreportcache';

/** Marks the file as ours and says which layout of it this is (another layout is not read). */
const CACHE_TAG = 'gkreport-cache/3';

/** A file's entry: its key, what is known of it, and blobs (output pieces) kept apart from the index. */
export interface CacheEntry<T> {
  key: string;
  value: T;
  blobs: Uint8Array[];
}

/** Entries by absolute file name. */
export type CacheEntries<T> = Map<string, CacheEntry<T>>;

/**
 * The file: one line of JSON, the index (each entry with where its blobs start and their lengths), then
 * every entry's blobs one after the other. The blobs are never decoded nor escaped: a cached piece goes
 * out as it was read.
 */
interface CacheIndex<T> {
  tag: typeof CACHE_TAG;
  entries: Record<string, { key: string; value: T; at: number; lengths: number[] }>;
}

export const cacheNotes = {
  unreadable: (file: string) =>
    msg(`缓存文件 ${file} 无法使用，已重新检查全部文件`, `the cache file ${file} could not be used; every file was checked again`),
  unwritable: (reason: Localized) => msg(`缓存未保存：${reason['zh-cn']}`, `the cache was not saved: ${reason.en}`),
};

/** SHA-256 of the parts in order, each preceded by its length (so no two lists of parts run together alike). */
export function digestOf(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    hash.update(`${bytes.byteLength}:`).update(bytes);
  }
  return hash.digest('hex');
}

/**
 * What identifies the checker that runs: the version and the bytes of the bundle `entry` (the CLI) and
 * of the converters' bundles beside it. A rebuilt checker does not trust what an older one cached.
 */
export function buildDigest(version: string, entry: string): string {
  const parts: (string | Uint8Array)[] = [version];
  let bundle = entry;
  try {
    // Started through a link (npm's bin folder): the bundles are beside the file it points to.
    bundle = fs.realpathSync(entry);
  } catch {
    // Read below as absent.
  }
  const folder = path.dirname(bundle);
  for (const file of [bundle, path.join(folder, 'conversions.js'), path.join(folder, 'pdf-import.js')]) {
    try {
      parts.push(file, fs.readFileSync(file));
    } catch {
      parts.push(file, 'absent');
    }
  }
  return digestOf(parts);
}

/**
 * The entries of a cache file: none when there is no file yet; a note too when it is there but unusable
 * (not JSON, another layout, or an entry `isEntry` refuses, given its value and how many blobs it has:
 * edited by hand, or cut short).
 */
export function readCache<T>(file: string, isEntry: (value: unknown, blobs: number) => value is T): { entries: CacheEntries<T>; note?: Localized } {
  const entries: CacheEntries<T> = new Map();
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries };
    return { entries, note: cacheNotes.unreadable(file) };
  }
  try {
    const end = data.indexOf(0x0a);
    const index = JSON.parse(data.toString('utf8', 0, end < 0 ? data.length : end)) as CacheIndex<T>;
    if (end < 0 || index.tag !== CACHE_TAG || typeof index.entries !== 'object' || index.entries === null) throw new Error('not a cache');
    const base = end + 1;
    for (const [name, { key, value, at, lengths }] of Object.entries(index.entries)) {
      if (typeof key !== 'string' || !Number.isSafeInteger(at) || at < 0 || !Array.isArray(lengths) || !isEntry(value, lengths.length)) throw new Error('bad entry');
      const blobs: Uint8Array[] = [];
      let start = base + at;
      for (const length of lengths) {
        if (!Number.isSafeInteger(length) || length < 0 || start + length > data.length) throw new Error('bad entry');
        blobs.push(data.subarray(start, (start += length)));
      }
      entries.set(name, { key, value, blobs });
    }
    return { entries };
  } catch {
    return { entries: new Map(), note: cacheNotes.unreadable(file) };
  }
}

/**
 * Writes the cache: `fresh` (this run's entries), and those `previous` entries of files not in this run
 * that still exist (a run over one folder keeps what a run over another cached). Nothing is written
 * when that is what the file holds already; a note when writing fails.
 */
export function writeCache<T>(file: string, fresh: CacheEntries<T>, previous: CacheEntries<T>): Localized | undefined {
  const kept: [string, CacheEntry<T>][] = [];
  for (const [name, entry] of previous) if (!fresh.has(name) && fs.existsSync(name)) kept.push([name, entry]);
  kept.push(...fresh);
  const same = (name: string, entry: CacheEntry<T>) => {
    const before = previous.get(name);
    return before !== undefined && before.key === entry.key && JSON.stringify(before.value) === JSON.stringify(entry.value);
  };
  if (kept.length === previous.size && kept.every(([name, entry]) => same(name, entry))) return undefined;
  const index: CacheIndex<T> = { tag: CACHE_TAG, entries: {} };
  let at = 0;
  for (const [name, { key, value, blobs }] of kept) {
    index.entries[name] = { key, value, at, lengths: blobs.map((blob) => blob.byteLength) };
    for (const blob of blobs) at += blob.byteLength;
  }
  try {
    // Not flushed to disk: a cache cut short by a power cut is set aside when read, and costs only time.
    writeFileAtomic(file, [Buffer.from(JSON.stringify(index) + '\n', 'utf8'), ...kept.flatMap(([, entry]) => entry.blobs)], undefined, { flush: false });
    return undefined;
  } catch (error) {
    if (error instanceof InputError) return cacheNotes.unwritable(error.reason);
    throw error;
  }
}
