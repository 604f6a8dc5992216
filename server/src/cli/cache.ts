// --cache in a check: the cache file's entries go with the files to the threads that load them (share.ts
// decides there whether an entry still holds); comparisons with previous-year reports that found nothing
// are not made again while neither report has changed; this run's entries are saved at the end.
import * as path from 'node:path';
import type { Localized } from '../core';
import { digestOf, readCache, writeCache, type CacheEntries } from '../host/cache';
import type { CachedCheck, FileOutcome, LoadOutcome, WorkItem } from './share';

export class RunCache {
  private readonly previous: CacheEntries<CachedCheck>;
  /** What reading the cache file came to, when it was there but could not be used. */
  readonly note: Localized | undefined;

  constructor(private readonly file: string) {
    const { entries, note } = readCache(file, isCachedCheck);
    this.previous = entries;
    this.note = note;
  }

  /** Gives each item the cache's entry for its file, but its piece. */
  attach(items: readonly WorkItem[]): void {
    for (const item of items) {
      const entry = this.previous.get(path.resolve(item.file));
      if (entry) item.cached = { key: entry.key, value: entry.value };
    }
  }

  /** Puts the cache's pieces in the outcomes that use them. */
  fill(items: readonly WorkItem[], outcomes: readonly FileOutcome[]): void {
    for (const outcome of outcomes) if (outcome.cached) outcome.piece = this.previous.get(path.resolve(items[outcome.position].file))!.bytes;
  }

  /**
   * The comparisons to make (`previous`: each input's previous-year reports): all but those of reports
   * that were compared with the very same reports before, found nothing, and are unchanged.
   */
  comparisonsToMake(items: readonly WorkItem[], loaded: readonly LoadOutcome[], previous: readonly (readonly number[])[]): (readonly number[])[] {
    return previous.map((before, i) => {
      const { cached } = items[i];
      if (before.length === 0 || cached === undefined || loaded[i].cache?.key !== cached.key) return before;
      const key = comparisonKey(loaded, i, before);
      return key !== undefined && cached.value.calmWith === key ? [] : before;
    });
  }

  /** Saves this run's entries (`made`: the comparisons made, as comparisonsToMake gave them); a note when that failed. */
  save(
    items: readonly WorkItem[],
    loaded: readonly LoadOutcome[],
    previous: readonly (readonly number[])[],
    made: readonly (readonly number[])[],
    outcomes: readonly FileOutcome[],
  ): Localized | undefined {
    const calm = new Set(outcomes.flatMap((o) => (o.calm ? [o.position] : [])));
    const fresh: CacheEntries<CachedCheck> = new Map();
    for (const { position: i, cache } of loaded) {
      if (!cache) continue;
      const { identity, notes, all, shown } = cache.value;
      // Compared now or, unchanged, before, and nothing found: the next run need not compare it again.
      const calmWith = calm.has(i) || (previous[i].length > 0 && made[i].length === 0) ? comparisonKey(loaded, i, previous[i]) : undefined;
      const value: CachedCheck = { ...(identity ? { identity } : {}), notes, all, shown, ...(calmWith ? { calmWith } : {}) };
      const name = path.resolve(items[i].file);
      fresh.set(name, { key: cache.key, value, bytes: cache.bytes ?? this.previous.get(name)!.bytes });
    }
    return writeCache(this.file, fresh, this.previous);
  }
}

const isTally = (t: unknown): boolean => Array.isArray(t) && t.length === 3 && t.every((n) => Number.isSafeInteger(n) && n >= 0);
const isText = (t: unknown): t is string => typeof t === 'string';
const isLocalized = (m: unknown): boolean => typeof m === 'object' && m !== null && isText((m as Localized)['zh-cn']) && isText((m as Localized).en);

function isIdentity(i: unknown): boolean {
  if (i === undefined) return true;
  if (typeof i !== 'object' || i === null) return false;
  const { agency, reportYear } = i as Record<string, unknown>;
  return (agency === undefined || isText(agency)) && (reportYear === undefined || Number.isSafeInteger(reportYear));
}

/** An entry's value as this checker writes it (a file edited by hand may hold anything). */
function isCachedCheck(v: unknown): v is CachedCheck {
  if (typeof v !== 'object' || v === null) return false;
  const { identity, notes, all, shown, calmWith } = v as Partial<Record<keyof CachedCheck, unknown>>;
  return isIdentity(identity) && Array.isArray(notes) && notes.every(isLocalized) && isTally(all) && isTally(shown) && (calmWith === undefined || isText(calmWith));
}

/** What a comparison of report `i` with its previous-year reports `before` is made of: their cache keys. */
function comparisonKey(loaded: readonly LoadOutcome[], i: number, before: readonly number[]): string | undefined {
  const keys = [i, ...before].map((j) => loaded[j].cache?.key);
  return keys.every((key) => key !== undefined) ? digestOf(['compared', ...(keys as string[])]) : undefined;
}
