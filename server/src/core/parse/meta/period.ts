// The statistics period: `统计期限为2023年1月1日—2023年12月31日`, `自2024年1月1日起至12月31日`.
import type { CompactText } from '../../base/compact';
import { dateAt, monthDayAt, type RawDate } from './dates';
import { isDigit } from './chars';

const RANGE_CONNECTORS = ['起至', '——', '—', '–', '－', '-', '~', '～', '〜', '至', '到'];

export interface RawPeriod {
  start: RawDate;
  end: RawDate;
  stat: boolean;
}

function periodAfter(c: CompactText, d: RawDate): RawDate | undefined {
  const s = c.s;
  let p = d.ce;
  let conn = '';
  for (const k of RANGE_CONNECTORS) {
    if (s.startsWith(k, p)) {
      conn = k;
      break;
    }
  }
  if (!conn && s[p] === '起') {
    p++;
    for (const k of RANGE_CONNECTORS) {
      if (s.startsWith(k, p)) {
        conn = k;
        break;
      }
    }
  }
  if (!conn) return undefined;
  p += conn.length;
  const full = dateAt(c, p);
  if (full) return full;
  const md = monthDayAt(c, p);
  if (md && !(p > 0 && isDigit(s[p - 1]))) {
    return { cs: p, ce: md.end, year: d.year, month: md.month, day: md.day, yearless: true };
  }
  return undefined;
}

function hasStatBefore(s: string, cs: number): boolean {
  const from = Math.max(0, cs - 24);
  const seg = s.slice(from, cs);
  const stop = Math.max(seg.lastIndexOf('。'), seg.lastIndexOf('；'));
  return seg.indexOf('统计', stop + 1) >= 0;
}

/** The statistics period: the first range after 统计 in the head, else any range in the head, else any range after 统计. */
export function findPeriod(c: CompactText, dates: readonly RawDate[], headEnd: number): RawPeriod | undefined {
  const candidates: RawPeriod[] = [];
  for (const d of dates) {
    const end = periodAfter(c, d);
    if (end) candidates.push({ start: d, end, stat: hasStatBefore(c.s, d.cs) });
    if (candidates.length > 200) break;
  }
  return (
    candidates.find((p) => p.stat && p.start.cs < headEnd) ??
    candidates.find((p) => p.start.cs < headEnd) ??
    candidates.find((p) => p.stat)
  );
}
