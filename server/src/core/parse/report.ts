// Text → report model, in one pass over the lines plus a pass over the tables found.
import type { Heading, Line, Part, ProseNumber, ReportModel } from '../model/model';
import { PARTS } from '../spec/parts';
import { fromRegistry, tablesOfKind } from '../spec/layout';
import { parseDecimal } from '../base/decimal';
import { extractMeta } from './meta';
import { detectHeading } from './headings';
import { splitDelimitedRow, splitSpacedRow, type RawRow } from './rows';
import { buildTables, coreKey, kindOfLabel, type TableItem } from './tables';
import { labelKey, memoize, profile, profileSimilarity, similarity, splitLines } from '../base/text';
import { extractDirectives } from './directives';

type LineKind =
  | { type: 'row'; raw: RawRow }
  | { type: 'separator' }
  | { type: 'heading'; heading: Heading }
  | { type: 'spaced'; raw: RawRow }
  | { type: 'other' };

const FRAGMENT_MAX = 40;
const TABLE_LABEL_MATCH = 0.6;

/** Labels of table 三 that look like level-1 headings (`四、结转下年度继续办理`): rows and groups outside any group. */
const topRowKeys = fromRegistry(() =>
  tablesOfKind('requests').flatMap((t) => [...t.rows.filter((r) => !r.group).map((r) => r.label), ...t.groups.filter((g) => !g.parent).map((g) => g.label)].map(coreKey)),
);

function classify(line: Line, index: number): LineKind {
  const delimited = splitDelimitedRow(line);
  if (delimited === 'separator') return { type: 'separator' };
  if (delimited) return { type: 'row', raw: delimited };
  const spaced = splitSpacedRow(line);
  let numbers = 0;
  if (spaced) for (let k = 0; k < spaced.cells.length; k++) if (spaced.cells[k].kind === 'number') numbers++;
  if (spaced && (numbers >= 2 || (numbers === 1 && spaced.cells.length === 2))) return { type: 'spaced', raw: spaced };
  const heading = detectHeading(line, index);
  if (heading) return { type: 'heading', heading };
  return { type: 'other' };
}

/** Which required part a level-1 heading stands for; first exact titles, then numeral + related words. */
function resolveParts(candidates: Heading[]): { parts: Part[]; others: Heading[] } {
  const claimed = new Map<number, Heading>();
  const assigned = new Map<Heading, { index: number; accepted: boolean }>();
  const duplicates: { heading: Heading; index: number }[] = [];
  for (const h of candidates) {
    const key = labelKey(h.title);
    const def = PARTS.find((p) => p.accepted.some((t) => labelKey(t) === key));
    if (!def) continue;
    if (claimed.has(def.index)) duplicates.push({ heading: h, index: def.index });
    else claimed.set(def.index, h);
    assigned.set(h, { index: def.index, accepted: true });
  }
  for (const def of PARTS) {
    if (claimed.has(def.index)) continue;
    const h = candidates.find(
      (c) =>
        !assigned.has(c) &&
        c.number === def.index &&
        (def.keywords.some((w) => c.title.includes(w)) ||
          def.accepted.some((t) => similarity(labelKey(t), labelKey(c.title)) >= 0.5)),
    );
    if (h) {
      claimed.set(def.index, h);
      assigned.set(h, { index: def.index, accepted: false });
    }
  }
  const parts: Part[] = [];
  const others: Heading[] = [];
  for (const h of candidates) {
    const a = assigned.get(h);
    if (a) parts.push({ index: a.index, heading: h, body: { start: 0, end: 0 }, titleAccepted: a.accepted });
    else others.push(h);
  }
  return { parts, others };
}

/** ASCII value of a half- or full-width digit's code, or -1. */
function digitOf(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

/** A half- or full-width digit; global, so that `lastIndex` says where to look from (a native scan). */
const DIGIT = /[0-9\uff10-\uff19]/g;

/** Numbers written in prose, with their spans (for the prose rules). Full-width digits and ． count. */
function proseNumbers(line: Line, index: number, out: ProseNumber[]): void {
  const s = line.text;
  DIGIT.lastIndex = 0;
  while (DIGIT.test(s)) {
    const i = DIGIT.lastIndex - 1;
    let written = '';
    let j = i;
    for (; j < s.length; j++) {
      const d = digitOf(s.charCodeAt(j));
      if (d >= 0) written += d;
      else if ((s.charCodeAt(j) === 0x2e || s.charCodeAt(j) === 0xff0e) && digitOf(s.charCodeAt(j + 1)) >= 0) written += '.'; // . ．
      else break;
    }
    const value = parseDecimal(written);
    if (value) out.push({ span: { start: line.start + i, end: line.start + j }, value, line: index });
    DIGIT.lastIndex = j;
  }
}

export function parseReport(source: string): ReportModel {
  // Suppression comments are no part of the report: their lines are read as blank (same offsets).
  const { directives, text, lines } = extractDirectives(source, splitLines(source));
  // Loops, not lines.map / kinds.forEach: an array made by Array.prototype.map inlined into optimised
  // code has another map than one made by the builtin, and the next access to it threw the code away.
  const kinds: LineKind[] = [];
  const rowLines: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const k = classify(lines[i], i);
    kinds.push(k);
    if (k.type === 'row' || k.type === 'spaced') rowLines.push(i);
  }
  // Level-1 headings, except table-三 labels standing alone or broken between rows (PDF text).
  const level1: Heading[] = [];
  for (let i = 0; i < kinds.length; i++) {
    const k = kinds[i];
    if (k.type !== 'heading' || k.heading.level !== 1) continue;
    if (isTopRowLabel(k.heading.title)) continue;
    if (!namesAPart(k.heading.title) && betweenRows(rowLines, k.heading.line)) continue;
    level1.push(k.heading);
  }
  const { parts, others } = resolveParts(level1);

  // Each line's part: a sweep over the part headings in document order.
  const partStarts = [...parts].sort((a, b) => a.heading.line - b.heading.line);
  partStarts.forEach((p, i) => {
    const next = partStarts[i + 1];
    p.body = { start: lines[p.heading.line].end, end: next ? lines[next.heading.line].start : text.length };
  });
  const partOfLine: (number | undefined)[] = new Array(lines.length);
  {
    let current: number | undefined;
    let cursor = 0;
    for (let i = 0; i < lines.length; i++) {
      while (cursor < partStarts.length && partStarts[cursor].heading.line === i) current = partStarts[cursor++].index;
      partOfLine[i] = current;
    }
  }

  // In parts 二–四, the lines between the first and the last table row belong to the table.
  const tableRange = new Map<number, [number, number]>();
  for (let r = 0; r < rowLines.length; r++) {
    const i = rowLines[r];
    const part = partOfLine[i];
    if (part === undefined) continue;
    const range = tableRange.get(part);
    tableRange.set(part, range ? [range[0], i] : [i, i]);
  }
  const insideTable = (i: number) => {
    const range = tableRange.get(partOfLine[i] ?? 0);
    return range !== undefined && i > range[0] && i < range[1];
  };

  const headings: Heading[] = [];
  const items: TableItem[] = [];
  const prose: ProseNumber[] = [];
  const level1Set = new Set(level1);
  for (let i = 0; i < lines.length; i++) {
    const k = kinds[i];
    const part = partOfLine[i];
    const inTablePart = part === 2 || part === 3 || part === 4;
    if (k.type === 'row') {
      items.push({ type: 'row', line: i, raw: k.raw, part });
    } else if (k.type === 'spaced') {
      const label = k.raw.cells[0].kind === 'text' ? k.raw.cells[0].raw : '';
      const numbers = k.raw.cells.length - (label ? 1 : 0);
      const named = label !== '' && kindOfLabel(label) !== undefined;
      if (named || (inTablePart && (label === '' ? numbers >= 2 : numbers >= 3))) items.push({ type: 'row', line: i, raw: k.raw, part });
      else proseNumbers(lines[i], i, prose);
    } else if (k.type === 'heading') {
      const h = k.heading;
      const tableLabel =
        (h.level === 1 && !level1Set.has(h)) ||
        (h.level === 2 && inTablePart && (insideTable(i) || similarityToTable(h.title) >= TABLE_LABEL_MATCH));
      if (tableLabel) items.push({ type: 'fragment', line: i, text: lines[i].text.trim(), part });
      else headings.push(h);
    } else if (k.type === 'other') {
      const t = lines[i].text.trim();
      if (inTablePart && t.length > 0 && t.length <= FRAGMENT_MAX && !t.includes('。')) {
        items.push({ type: 'fragment', line: i, text: t, part });
      }
      proseNumbers(lines[i], i, prose);
    }
  }

  const firstPartLine = partStarts.length > 0 ? partStarts[0].heading.line : undefined;
  const meta = extractMeta(text, lines, firstPartLine);
  const tables = buildTables(items, meta.reportYear);
  for (let t = 0; t < tables.length; t++) tables[t].part = partOfLine[tables[t].lines.first];
  const model: ReportModel = { text, lines, meta, headings, parts, otherTopHeadings: others, tables, proseNumbers: prose };
  if (directives.length > 0) model.directives = directives;
  return model;
}

const NEAR_ROWS = 8;

/** A row within a few lines before and after line i. */
function betweenRows(rowLines: number[], i: number): boolean {
  let lo = 0;
  let hi = rowLines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rowLines[mid] < i) lo = mid + 1;
    else hi = mid;
  }
  const before = lo > 0 ? rowLines[lo - 1] : -Infinity;
  const after = lo < rowLines.length ? rowLines[lo] : Infinity;
  return i - before <= NEAR_ROWS && after - i <= NEAR_ROWS;
}

function namesAPart(title: string): boolean {
  const key = labelKey(title);
  return PARTS.some((p) => p.keywords.some((w) => title.includes(w)) || p.accepted.some((t) => labelKey(t) === key));
}

/** Profiles of every label (row or group) of tables 三 and 二, in every layout. */
const tableLabelProfiles = fromRegistry(() =>
  (['requests', 'active'] as const).flatMap((kind) =>
    tablesOfKind(kind).flatMap((def) => [...def.rows.map((r) => r.label), ...def.groups.map((g) => g.label)].map((l) => profile(coreKey(l)))),
  ),
);

/** How closely a heading-like line matches some table 三 or 二 label (group or row); titles repeat, so remembered. */
const similarityToTable = (title: string): number => similarityMemo()(title);
const similarityMemo = fromRegistry(() =>
  memoize((title: string) => {
    const key = profile(coreKey(title));
    let best = 0;
    for (const p of tableLabelProfiles()) best = Math.max(best, profileSimilarity(key, p));
    return best;
  }),
);

/** A level-1 heading whose title is a table 三 label standing alone (`四、结转下年度继续办理`). */
const isTopRowLabel = (title: string): boolean => topRowMemo()(title);
const topRowMemo = fromRegistry(() =>
  memoize((title: string) => {
    const key = labelKey(title);
    return topRowKeys().some((t) => similarity(key, t) >= 0.7);
  }),
);
