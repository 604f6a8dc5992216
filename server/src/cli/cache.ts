// --cache in a check: the cache file's entries go with the files to the threads that load them (share.ts
// decides there whether an entry still holds); a comparison with previous-year reports is not made again
// while none of the reports has changed (what it found, or that it found nothing, comes from the cache);
// this run's entries are saved at the end.
import * as path from 'node:path';
import type { Localized } from '../core';
import { digestOf, readCache, writeCache, type CacheEntries, type CacheEntry } from '../host/cache';
import { array, integer, object, optional, string, tuple, uinteger } from '../lsp/params';
import type { CachedCheck, FileOutcome, LoadOutcome, WorkItem } from './share';

/** A run's inputs as the cache sees them: each input's previous-year reports, and the comparisons made. */
export interface Comparisons {
  items: readonly WorkItem[];
  loaded: readonly LoadOutcome[];
  /** By position: the previous-year reports among the inputs. */
  previous: readonly (readonly number[])[];
  /** By position: those it is compared with in this run (none when the cache has the comparison). */
  made: readonly (readonly number[])[];
}

export class RunCache {
  private readonly previous: CacheEntries<CachedCheck>;
  /** What reading the cache file came to, when it was there but could not be used. */
  readonly note: Localized | undefined;

  constructor(private readonly file: string) {
    const { entries, note } = readCache(file, isCachedCheck);
    this.previous = entries;
    this.note = note;
  }

  /** Gives each item the cache's entry for its file, but its pieces. */
  attach(items: readonly WorkItem[]): void {
    for (const item of items) {
      const entry = this.previous.get(path.resolve(item.file));
      if (entry) item.cached = { key: entry.key, value: entry.value };
    }
  }

  /**
   * The comparisons to make (`previous`: each input's previous-year reports): all but those the cache
   * has, made before with the very same reports, none of them changed since.
   */
  comparisons(items: readonly WorkItem[], loaded: readonly LoadOutcome[], previous: readonly (readonly number[])[]): Comparisons {
    const made = previous.map((before, i) => {
      const { cached } = items[i];
      if (before.length === 0 || cached === undefined || loaded[i].cache?.key !== cached.key) return before;
      const key = comparisonKey(loaded, i, before);
      return key !== undefined && cached.value.compared?.with === key ? [] : before;
    });
    return { items, loaded, previous, made };
  }

  /** Puts the cache's pieces and findings in the outcomes that use them: alone, or as the comparison the cache has. */
  fill(run: Comparisons, outcomes: readonly FileOutcome[]): void {
    for (const outcome of outcomes) {
      if (!outcome.cached) continue;
      const entry = this.entryOf(run, outcome.position);
      const found = fromCache(run, outcome.position) ? entry.value.compared?.found : undefined;
      outcome.piece = entry.blobs[found ? 1 : 0];
      if (found) ({ all: outcome.all, shown: outcome.shown } = found);
    }
  }

  /** Saves this run's entries (`outcomes`: as fill left them); a note when that failed. */
  save(run: Comparisons, outcomes: readonly FileOutcome[]): Localized | undefined {
    const byPosition = new Map(outcomes.map((o) => [o.position, o]));
    const fresh: CacheEntries<CachedCheck> = new Map();
    for (const { position: i, cache } of run.loaded) {
      if (!cache) continue;
      const { identity, notes, all, shown } = cache.value;
      const alone = cache.blobs?.[0] ?? this.entryOf(run, i).blobs[0];
      const outcome = byPosition.get(i);
      const key = comparisonKey(run.loaded, i, run.previous[i]);
      let compared: CachedCheck['compared'];
      let blobs = [alone];
      if (outcome?.comparison !== undefined && key !== undefined) {
        // Compared in this run.
        compared = outcome.comparison === 'found' ? { with: key, found: { all: outcome.all, shown: outcome.shown } } : { with: key };
        if (outcome.comparison === 'found') blobs = [alone, typeof outcome.piece === 'string' ? Buffer.from(outcome.piece, 'utf8') : outcome.piece];
      } else if (fromCache(run, i)) {
        // The cache's comparison, still good.
        const entry = this.entryOf(run, i);
        compared = entry.value.compared;
        blobs = entry.blobs;
      }
      const value: CachedCheck = { ...(identity ? { identity } : {}), notes, all, shown, ...(compared ? { compared } : {}) };
      fresh.set(path.resolve(run.items[i].file), { key: cache.key, value, blobs });
    }
    return writeCache(this.file, fresh, this.previous);
  }

  private entryOf(run: Comparisons, position: number): CacheEntry<CachedCheck> {
    return this.previous.get(path.resolve(run.items[position].file))!;
  }
}

/** Whether the comparison of report `i` comes from the cache (it has previous-year reports, compared with none in this run). */
const fromCache = (run: Comparisons, i: number) => run.previous[i].length > 0 && run.made[i].length === 0;

/** Findings by severity, as a cache entry holds them. */
const TALLY = tuple([
  ['errors', uinteger],
  ['warnings', uinteger],
  ['infos', uinteger],
]);

/** An entry's value as this checker writes it (a file edited by hand may hold anything). */
const CACHED_CHECK = object({
  identity: optional(object({ agency: optional(string), reportYear: optional(integer) })),
  notes: array(object({ 'zh-cn': string, en: string })),
  all: TALLY,
  shown: TALLY,
  compared: optional(object({ with: string, found: optional(object({ all: TALLY, shown: TALLY })) })),
});

/** An entry as this checker writes it: its value, and one blob, or two when its comparison found something. */
function isCachedCheck(value: unknown, blobs: number): value is CachedCheck {
  return CACHED_CHECK.problem(value, '') === undefined && blobs === ((value as CachedCheck).compared?.found ? 2 : 1);
}

/** What a comparison of report `i` with its previous-year reports `before` is made of: their cache keys. */
function comparisonKey(loaded: readonly LoadOutcome[], i: number, before: readonly number[]): string | undefined {
  const keys = [i, ...before].map((j) => loaded[j].cache?.key);
  return keys.every((key) => key !== undefined) ? digestOf(['compared', ...(keys as string[])]) : undefined;
}
