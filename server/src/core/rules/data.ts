// Comparing a finding's data with data that came back from a client (a diagnostic's `data`, as JSON).
import type { FindingData } from './types';

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a !== null && typeof a === 'object') {
    if (b === null || typeof b !== 'object' || Array.isArray(b)) return false;
    const keys = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const otherKeys = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return keys.length === otherKeys.length && keys.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

/** The data a client sent back is this finding's data: the same value in every field. */
export function sameFindingData(data: FindingData, other: unknown): boolean {
  return sameValue(data, other);
}
