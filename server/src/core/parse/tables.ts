// Rebuilding the three statistical tables from row lines, guided by the layout declarations.
import type { Cell, HeaderCell, Table, TableRow } from '../model/model';
import type { ColumnDef, RowDef, RowGroupDef, TableDef, TableKind } from '../spec/layout/types';
import { fromRegistry, headerBands, layoutForYear, tableKindOfPart, tablesOfKind } from '../spec/layout';
import type { RawRow } from './rows';
import { labelEnd } from './rows';
import { labelKey, memoize, normalizeWidth, profile, profileSimilarity, similarity, type Profile } from '../base/text';

/** A line that holds table cells, in document order, with the part it sits in. */
export interface RowLine {
  line: number;
  raw: RawRow;
  part?: number;
}

/** A line of label text only (a label broken across lines, or a group label standing alone). */
export interface FragmentLine {
  line: number;
  text: string;
  part?: number;
}

export type TableItem = ({ type: 'row' } & RowLine) | ({ type: 'fragment' } & FragmentLine);

const MATCH_THRESHOLD = 0.5;
/** Trailing label cells tried as values gone wrong before a row is given up (a bound: a line may have thousands of cells). */
const MAX_VALUES_IN_LABEL = 3;
const STRONG_MATCH = 0.8;
const MAX_LABEL_KEY = 200;

// ── label keys ──────────────────────────────────────────────────────────────

const NUMERALS = '一二三四五六七八九十';

/** Length of a numbering marker at position p of a width-normalised string (一、 (一) 1. 1、), else 0. */
function markerLength(s: string, p: number): number {
  if (s[p] === '(') {
    let j = p + 1;
    while (j < s.length && j - p <= 3 && NUMERALS.includes(s[j])) j++;
    return j > p + 1 && s[j] === ')' ? j + 1 - p : 0;
  }
  let j = p;
  if (NUMERALS.includes(s[p])) {
    while (j < s.length && j - p < 3 && NUMERALS.includes(s[j])) j++;
    return s[j] === '、' ? j + 1 - p : 0;
  }
  while (j < s.length && j - p < 2 && s[j] >= '0' && s[j] <= '9') j++;
  if (j === p) return 0;
  if ((s[j] === '.' || s[j] === '、') && !(s[j + 1] >= '0' && s[j + 1] <= '9')) return j + 1 - p;
  return 0;
}

/** Splits a label into numbered segments: `（三）不予公开 1.属于国家秘密` → two segments. Memoised: callers must not change the array. */
export const labelSegments = memoize(splitSegments);

function splitSegments(label: string): string[] {
  const s = normalizeWidth(label).replace(/\s+/g, '');
  const segments: string[] = [];
  let start = 0;
  for (let p = 1; p < s.length; p++) {
    if (markerLength(s, p) > 0) {
      segments.push(s.slice(start, p));
      start = p;
    }
  }
  segments.push(s.slice(start));
  return segments.filter((x) => x !== '');
}

/** Key of a label without its numbering marker. */
export const coreKey = memoize((label: string): string => {
  const s = normalizeWidth(label).replace(/\s+/g, '');
  return labelKey(s.slice(markerLength(s, 0))).slice(0, MAX_LABEL_KEY);
});

/** coreKey of each label, in a loop (see contiguousKinds). */
function coreKeys(labels: readonly string[]): string[] {
  const keys: string[] = [];
  for (let i = 0; i < labels.length; i++) keys.push(coreKey(labels[i]));
  return keys;
}

interface Candidate<T> {
  item: T;
  score: number;
  exact: boolean;
}

/** A list of row declarations made ready for matching label keys against it. */
interface RowIndex {
  rows: readonly RowDef[];
  /** Per row: its canonical and accepted wordings (an exact match is no GK203). */
  exact: Set<string>[];
  /** Per row: every wording, variants included, for fuzzy matching. */
  profiles: Profile[][];
  /** A label key → the positions of the rows that accept it exactly, in order. */
  exactRows: Map<string, number[]>;
  /** Each label key's score against each row, NaN until asked for (labels repeat from report to report). */
  scores: Map<string, Float64Array>;
}

const MAX_SCORED_KEYS = 2048;

const rowIndexes = new WeakMap<readonly RowDef[], RowIndex>();

/** The index of a list of rows (the lists are the layouts' own, or derived once per registry). */
function rowIndexOf(rows: readonly RowDef[]): RowIndex {
  let index = rowIndexes.get(rows);
  if (!index) {
    index = { rows, exact: [], profiles: [], exactRows: new Map(), scores: new Map() };
    for (let j = 0; j < rows.length; j++) {
      const def = rows[j];
      const exact = [def.label, ...(def.accepted ?? [])].map(coreKey);
      index.exact.push(new Set(exact));
      index.profiles.push([...exact, ...(def.variants ?? []).map(coreKey)].map(profile));
      for (const key of new Set(exact)) {
        const at = index.exactRows.get(key);
        if (at) at.push(j);
        else index.exactRows.set(key, [j]);
      }
    }
    rowIndexes.set(rows, index);
  }
  return index;
}

/** The scores of a label key against an index's rows, filled in as they are asked for (scoreAt). */
function scoresOf(index: RowIndex, key: string): Float64Array {
  let scores = index.scores.get(key);
  if (!scores) {
    if (index.scores.size >= MAX_SCORED_KEYS) index.scores.clear();
    scores = new Float64Array(index.rows.length).fill(NaN);
    index.scores.set(key, scores);
  }
  return scores;
}

/** How well a label key names row j: 1 for an accepted wording, else its best similarity to any wording. */
function scoreAt(index: RowIndex, scores: Float64Array, key: string, j: number): number {
  let score = scores[j];
  if (Number.isNaN(score)) {
    if (index.exact[j].has(key)) score = 1;
    else {
      const p = profile(key);
      score = 0;
      for (const k of index.profiles[j]) score = Math.max(score, profileSimilarity(p, k));
    }
    scores[j] = score;
  }
  return score;
}

/**
 * Where a table being built stands: rows already placed are no candidates. With `groups` (the groups
 * the label's earlier segments name), a tie goes to a row of those groups, then to the row nearest
 * after the last one placed.
 */
interface Placing {
  table: Table;
  groups?: readonly (string | undefined)[];
  lastIndex: number;
}

function isOpen(placing: Placing | undefined, def: RowDef): boolean {
  return placing === undefined || !placing.table.byRow.has(def.id);
}

function bonusOf(placing: Placing | undefined, def: RowDef, j: number): number {
  const groups = placing?.groups;
  if (!groups) return 0;
  return (groups.includes(def.group) ? 100 : 0) + (j > placing!.lastIndex ? 10 - Math.min(9, j - placing!.lastIndex) : 0);
}

/** The row a label key names best (an accepted wording before any similar one), or undefined. */
function bestRow(key: string, index: RowIndex, placing?: Placing): Candidate<RowDef> | undefined {
  if (key === '') return undefined;
  const rows = index.rows;
  let bestAt = -1;
  let bestScore = 0;
  let bestBonus = -Infinity;
  // Exact wordings first: most rows are written as the format says.
  const exactRows = index.exactRows.get(key);
  if (exactRows) {
    for (const j of exactRows) {
      if (!isOpen(placing, rows[j])) continue;
      const bonus = bonusOf(placing, rows[j], j);
      if (bestAt >= 0 && bonus <= bestBonus) continue;
      bestAt = j;
      bestBonus = bonus;
    }
    if (bestAt >= 0) return { item: rows[bestAt], score: 1, exact: true };
  }
  const scores = scoresOf(index, key);
  for (let j = 0; j < rows.length; j++) {
    if (!isOpen(placing, rows[j])) continue;
    const score = scoreAt(index, scores, key, j);
    if (score < MATCH_THRESHOLD) continue;
    const bonus = bonusOf(placing, rows[j], j);
    if (bestAt >= 0 && !(score > bestScore || (score === bestScore && bonus > bestBonus))) continue;
    bestAt = j;
    bestScore = score;
    bestBonus = bonus;
  }
  return bestAt < 0 ? undefined : { item: rows[bestAt], score: bestScore, exact: false };
}

// ── deciding which table a row belongs to ──────────────────────────────────

/** The labelled rows of every registered layout, by table kind. */
const labelledRows = fromRegistry(() => {
  const byKind: Record<TableKind, RowDef[]> = { active: [], requests: [], review: [] };
  for (const kind of ['active', 'requests', 'review'] as const) for (const t of tablesOfKind(kind)) byKind[kind].push(...t.rows.filter((r) => r.label !== ''));
  return { active: rowIndexOf(byKind.active), requests: rowIndexOf(byKind.requests), review: rowIndexOf(byKind.review) };
});

/** Each table's header words, review first: its words are the most specific. */
const headerWords = fromRegistry(() =>
  (['review', 'requests', 'active'] as const).map((kind): [TableKind, string[]] => [kind, [...new Set(tablesOfKind(kind).flatMap((t) => t.headerWords))]]),
);

/** The label cells of a row, joined by spaces (most rows have one: its text as it is). */
function labelText(raw: RawRow): string {
  const end = labelEnd(raw.cells);
  if (end === 0) return '';
  let text = raw.cells[0].raw;
  for (let i = 1; i < end; i++) text += ' ' + raw.cells[i].raw;
  return text;
}

function hasNumbers(raw: RawRow): boolean {
  return raw.cells.some((c) => c.kind === 'number' || c.kind === 'placeholder');
}

/** The table a labelled row or header row belongs to, by its words; undefined when unclear. */
export const kindOfLabel = (label: string): TableKind | undefined => kindOfLabelMemo()(label);
const kindOfLabelMemo = fromRegistry(() => memoize(kindOfLabelUncached));

function kindOfLabelUncached(label: string): TableKind | undefined {
  const segments = labelSegments(label);
  const key = segments.length > 0 ? coreKey(segments[segments.length - 1]) : '';
  let best: { kind: TableKind; score: number } | undefined;
  if (key !== '') {
    for (const kind of ['requests', 'active'] as TableKind[]) {
      const match = bestRow(key, labelledRows()[kind]);
      if (match && (!best || match.score > best.score)) best = { kind, score: match.score };
    }
    if (best && best.score >= 0.6) return best.kind;
  }
  const flat = labelKey(label);
  for (const [kind, words] of headerWords()) if (words.some((w) => flat.includes(w))) return kind;
  return undefined;
}

// ── headers ────────────────────────────────────────────────────────────────

interface HeaderKeys {
  /** Other header texts known to be correct (the 勾稽关系 note, a 小计): skipped. */
  known: Set<string>;
  bands: { band: string[]; keys: string[] }[];
}

const headerKeyCache = new WeakMap<TableDef, HeaderKeys>();

/** The label keys of a table's header bands, made once per table declaration. */
function headerKeysOf(def: TableDef): HeaderKeys {
  let keys = headerKeyCache.get(def);
  if (!keys) {
    keys = { known: new Set(def.knownHeaders.map(labelKey)), bands: headerBands(def).map((band) => ({ band, keys: band.map(labelKey) })) };
    headerKeyCache.set(def, keys);
  }
  return keys;
}

/** Aligns a header row with the declared header bands; returns recognised cells, or [] when the row is not a clean header. */
export function alignHeader(cells: Cell[], def: TableDef): HeaderCell[] {
  // Index loops, not filter / for-of: smaller optimised code, compiled sooner (cold runs).
  const texts: Cell[] = [];
  for (let t = 0; t < cells.length; t++) if (cells[t].kind !== 'blank') texts.push(cells[t]);
  if (texts.length === 0) return [];
  const { known, bands } = headerKeysOf(def);
  let best: HeaderCell[] = [];
  for (let b = 0; b < bands.length; b++) {
    const { band, keys } = bands[b];
    const aligned: HeaderCell[] = [];
    let ptr = 0;
    let clean = true;
    for (let t = 0; t < texts.length; t++) {
      const cell = texts[t];
      const key = labelKey(cell.raw);
      if (known.has(key)) continue;
      let found = -1;
      for (let i = ptr; i < keys.length; i++) {
        if (keys[i] === key || (key.length > 0 && keys[i].startsWith(key))) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        clean = false;
        break;
      }
      aligned.push({ cell, canonical: band[found], exact: keys[found] === key });
      ptr = found + 1;
    }
    if (clean && aligned.length > best.length) best = aligned;
  }
  return best;
}

// ── building one table ─────────────────────────────────────────────────────

interface Collected {
  rows: RowLine[];
  /** Each row's label cells, joined (same index as rows). */
  labels: string[];
  /** Fragment text gathered before each row (same index as rows). */
  pending: string[];
}

function spanOf(rows: RowLine[]): { start: number; end: number } {
  // Cells are in order along a line and rows in document order: the first cell of the first row to the
  // last cell of the last (a loop, not Math.min(...cells): a spread of many cells overflows the stack).
  let start = Infinity;
  let end = -Infinity;
  for (const r of rows) {
    const cells = r.raw.cells;
    if (cells.length === 0) continue;
    start = Math.min(start, cells[0].span.start);
    end = Math.max(end, cells[cells.length - 1].span.end);
  }
  return { start, end };
}

/** Shared by the rows that have none (most): replaced by a fresh list before anything is added. */
const NO_CELLS: Cell[] = Object.freeze([]) as unknown as Cell[];
const NO_GROUP_LABELS: TableRow['groupLabels'] = Object.freeze([]) as unknown as TableRow['groupLabels'];

function majoritySyntax(rows: RowLine[]): TableRow['syntax'] {
  const counts = new Map<TableRow['syntax'], number>();
  for (const r of rows) counts.set(r.raw.syntax, (counts.get(r.raw.syntax) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

function newRow(r: RowLine, labelCells: Cell[], label: string, valueCells: Cell[], columns: ColumnDef[]): TableRow {
  const values = valueCells.length <= columns.length ? valueCells : valueCells.slice(0, columns.length);
  let extra: Cell[] | undefined;
  for (let i = columns.length; i < valueCells.length; i++) if (valueCells[i].kind !== 'blank') (extra ??= []).push(valueCells[i]);
  const extraCells = extra ?? NO_CELLS;
  return {
    line: r.line,
    span: spanOf([r]),
    syntax: r.raw.syntax,
    labelCells,
    label,
    values,
    extraCells,
    groupLabels: NO_GROUP_LABELS,
    fullWidthBars: r.raw.fullWidthBars,
    countMismatch: values.length < columns.length || extraCells.length > 0,
  };
}

function emptyTable(def: TableDef, rows: RowLine[], columns: ColumnDef[]): Table {
  return {
    kind: def.kind,
    layout: def.layout,
    def,
    columns,
    span: spanOf(rows),
    lines: { first: rows[0].line, last: rows[rows.length - 1].line },
    rows: [],
    byRow: new Map(),
    headerCells: [],
    unplaced: [],
    syntax: majoritySyntax(rows),
  };
}

function place(table: Table, row: TableRow, def: RowDef, match: TableRow['match'], score = 1): void {
  row.def = def;
  row.match = match;
  row.matchScore = score;
  table.rows.push(row);
  if (!table.byRow.has(def.id)) table.byRow.set(def.id, row);
}

/** The telltales of the layouts' tables of one kind, and which tables share each of them. */
interface Evidence {
  /** Telltale rows of any candidate, and the label key of each, by which candidates are compared. */
  rows: RowIndex;
  rowLabelKeys: string[];
  /** Per candidate: the label keys of its rows. */
  rowKeys: Set<string>[];
  /** Per candidate: its telltale words (label keys); none for any candidate leaves the cells unread. */
  wordsOf: string[][];
  anyWords: boolean;
}

const evidenceOf = fromRegistry(() => {
  const byKind = new Map<TableKind, Evidence>();
  for (const kind of ['active', 'requests', 'review'] as const) {
    const candidates = tablesOfKind(kind);
    const rows = candidates.flatMap((def) => (def.telltales.rows ?? []).map((id) => def.rows.find((r) => r.id === id)!));
    const wordsOf = candidates.map((def) => [...new Set((def.telltales.words ?? []).map(labelKey))]);
    byKind.set(kind, {
      rows: rowIndexOf(rows),
      rowLabelKeys: rows.map((row) => labelKey(row.label)),
      rowKeys: candidates.map((def) => new Set(def.rows.map((r) => labelKey(r.label)))),
      wordsOf,
      anyWords: wordsOf.some((words) => words.length > 0),
    });
  }
  return byKind;
});

/**
 * Votes of a report's table for each layout's table of its kind. A row that strongly matches a
 * telltale row votes for every layout that has that row; a cell that begins a telltale word votes for
 * every layout whose telltales name that word. So what several layouts share counts for all of them.
 */
function telltaleVotes(kind: TableKind, collected: Collected): number[] {
  const evidence = evidenceOf().get(kind)!;
  const votes: number[] = [];
  for (let i = 0; i < evidence.rowKeys.length; i++) votes.push(0);
  const telltales = evidence.rows;
  for (let n = 0; n < collected.rows.length; n++) {
    if (telltales.rows.length > 0) {
      const segments = labelSegments(collected.labels[n]);
      const leaf = segments.length > 0 ? coreKey(segments[segments.length - 1]) : '';
      if (leaf !== '') {
        // As bestRow(leaf, [telltale]) would score it.
        const scores = scoresOf(telltales, leaf);
        let matched: string[] | undefined;
        for (let j = 0; j < telltales.rows.length; j++) if (scoreAt(telltales, scores, leaf, j) >= STRONG_MATCH) (matched ??= []).push(evidence.rowLabelKeys[j]);
        if (matched) addRowVotes(evidence.rowKeys, matched, votes);
      }
    }
    if (!evidence.anyWords) continue;
    const cells = collected.rows[n].raw.cells;
    for (let c = 0; c < cells.length; c++) {
      const key = labelKey(cells[c].raw);
      if (key.length < 2) continue;
      for (let i = 0; i < votes.length; i++) if (anyStartsWith(evidence.wordsOf[i], key)) votes[i]++;
    }
  }
  return votes;
}

/** A vote for each layout whose rows include a matched telltale row (out of line: rarely reached). */
function addRowVotes(rowKeys: Set<string>[], matched: string[], votes: number[]): void {
  for (let i = 0; i < rowKeys.length; i++) {
    for (let k = 0; k < matched.length; k++) {
      if (rowKeys[i].has(matched[k])) {
        votes[i]++;
        break;
      }
    }
  }
}

function anyStartsWith(words: string[], key: string): boolean {
  for (let w = 0; w < words.length; w++) if (words[w].startsWith(key)) return true;
  return false;
}

/**
 * The layout a table is written in: the one its telltales vote for most; on a tie, the layout of the
 * report year if it is among the best, else the first registered of them.
 */
function detectLayout(kind: TableKind, collected: Collected, reportYear: number | undefined): TableDef {
  const candidates = tablesOfKind(kind);
  const votes = telltaleVotes(kind, collected);
  const most = Math.max(...votes);
  const best = candidates.filter((_, i) => votes[i] === most);
  const expected = layoutForYear(reportYear).id;
  return best.find((def) => def.layout === expected) ?? best[0];
}

function writtenColumns(def: TableDef, headerRows: RowLine[]): ColumnDef[] {
  const base = def.columns.filter((c) => !c.optional);
  const optional = def.columns.find((c) => c.optional);
  if (!optional) return base;
  const optionalKey = labelKey(optional.label);
  const firstOfGroup = base.find((c) => c.group === optional.group && c.id !== optional.id);
  const firstKey = firstOfGroup ? labelKey(firstOfGroup.label).slice(0, 2) : undefined;
  for (const r of headerRows) {
    const keys = r.raw.cells.map((c) => labelKey(c.raw));
    const at = keys.findIndex((k) => k.includes(optionalKey));
    if (at < 0) continue;
    const first = firstKey ? keys.findIndex((k) => k.startsWith(firstKey)) : -1;
    const insertAt = first >= 0 && at < first ? base.indexOf(firstOfGroup!) : base.length - 1;
    return [...base.slice(0, insertAt), optional, ...base.slice(insertAt)];
  }
  return base;
}

interface GroupKey {
  group: RowGroupDef;
  key: string;
}

const groupKeyCache = new WeakMap<TableDef, GroupKey[] | undefined>();

/**
 * The label keys of a table's row groups, made once per table declaration; undefined when it has none
 * (no empty list: optimised code that met only lists of groups would be thrown away on meeting one).
 */
function groupKeysOf(def: TableDef): GroupKey[] | undefined {
  if (!groupKeyCache.has(def)) groupKeyCache.set(def, def.groups.length > 0 ? def.groups.map((g) => ({ group: g, key: coreKey(g.label) })) : undefined);
  return groupKeyCache.get(def);
}

/** The first group whose key the segment key is like (or, with `prefix`, begins). */
function groupLike(groupKeys: GroupKey[] | undefined, key: string, prefix: boolean): GroupKey | undefined {
  if (groupKeys) {
    for (let k = 0; k < groupKeys.length; k++) {
      const g = groupKeys[k];
      if (similarity(key, g.key) >= MATCH_THRESHOLD || (prefix && key.length >= 2 && g.key.startsWith(key))) return g;
    }
  }
  return undefined;
}

/**
 * Group labels written in their own cell, with their marker (`(五)不予处`), are checked too: the
 * segments before the leaf that name a group become the row's group labels. Out of line: most labels
 * are one segment, and buildLabelledTable's optimised code stays smaller.
 */
function addGroupLabels(row: TableRow, segments: { text: string; cell: Cell }[], leafCell: Cell, groupKeys: GroupKey[] | undefined): void {
  for (let i = 0; i < segments.length - 1; i++) {
    const s = segments[i];
    if (markerLength(s.text, 0) === 0) continue;
    const key = coreKey(s.text);
    const group = groupLike(groupKeys, key, true);
    if (group && s.cell !== leafCell) row.groupLabels = [...row.groupLabels, { cell: s.cell, canonical: group.group.label, exact: key === group.key }];
  }
}

function buildLabelledTable(kind: 'requests' | 'active', collected: Collected, reportYear: number | undefined): Table {
  const def = detectLayout(kind, collected, reportYear);
  const index = rowIndexOf(def.rows);
  const headerRows = collected.rows.filter((r, n) => !hasNumbers(r.raw) && !bestRow(coreKey(lastSegment(collected.labels[n])), index));
  const columns = writtenColumns(def, headerRows);
  const isHeaderRow = new Set(headerRows);
  const table = emptyTable(def, collected.rows, columns);
  const order = def.rows;
  let lastIndex = -1;
  const groupKeys = groupKeysOf(def);
  const columnsOf = (d: RowDef) => d.columns ?? columns;

  /** The row a run of label cells names: group labels first, the row's own label last. */
  const matchLabel = (labelCells: Cell[]) => {
    const segments: { text: string; cell: Cell }[] = [];
    for (let c = 0; c < labelCells.length; c++) {
      const cell = labelCells[c];
      const texts = labelSegments(cell.raw);
      for (let t = 0; t < texts.length; t++) segments.push({ text: texts[t], cell });
    }
    if (segments.length === 0) return { segments, leaf: undefined, match: undefined, isGroupLabel: false };
    const leaf = segments[segments.length - 1];
    const leafKey = coreKey(leaf.text);
    const groupContext: (string | undefined)[] = [];
    // A label broken across cells is also tried whole, without the numbering markers of its groups
    // (segments are width-normalised already).
    let joined = '';
    for (let i = 0; i < segments.length - 1; i++) {
      const text = segments[i].text;
      const key = coreKey(text);
      groupContext.push(groupLike(groupKeys, key, false)?.group.id);
      if (markerLength(text, 0) === 0) joined += text;
    }
    const joinedKey = segments.length === 1 ? leafKey : coreKey(joined + leaf.text);
    // Rows already placed are not candidates.
    const placing: Placing = { table, groups: groupContext, lastIndex };
    const leafBest = bestRow(leafKey, index, placing);
    const joinedBest = joinedKey !== leafKey ? bestRow(joinedKey, index, placing) : undefined;
    const best = joinedBest && (!leafBest || joinedBest.score > leafBest.score) ? joinedBest : leafBest;
    let isGroupLabel = false;
    if (groupKeys) for (let k = 0; k < groupKeys.length; k++) if (groupKeys[k].key === leafKey) isGroupLabel = true;
    // A group heading (`（三）不予公开`) names no row unless a row has exactly its words.
    const match = best && !(isGroupLabel && best.score < 1) ? best : undefined;
    return { segments, leaf, match, isGroupLabel };
  };

  for (let n = 0; n < collected.rows.length; n++) {
    const r = collected.rows[n];
    if (isHeaderRow.has(r)) {
      table.headerCells.push(...alignHeader(r.raw.cells, def));
      continue;
    }
    const end = labelEnd(r.raw.cells);
    let labelCells = r.raw.cells.slice(0, end);
    let valueCells = r.raw.cells.slice(end);
    const numeric = hasNumbers(r.raw);
    if (labelCells.length === 0) {
      lastIndex = placeUnlabelled(table, index, kind, r, collected.pending[n], valueCells, numeric, lastIndex);
      continue;
    }
    // A row is placed by its label. When the label cells name no row, the last of them may be a value
    // gone wrong (`不详` where a number belongs): the row is tried on fewer label cells before it is
    // given up, so its numbers keep their columns.
    let found = matchLabel(labelCells);
    let labelCount = labelCells.length;
    for (let k = labelCells.length - 1; k >= Math.max(1, labelCells.length - MAX_VALUES_IN_LABEL) && !found.match; k--) {
      const shorter = matchLabel(labelCells.slice(0, k));
      if (shorter.match && shorter.match.score >= STRONG_MATCH) [found, labelCount] = [shorter, k];
    }
    const { segments, leaf, match, isGroupLabel } = found;
    if (segments.length === 0 || !leaf) continue;
    if (!match) {
      // A group heading row with no values, a repeated row, or a row we cannot name.
      if (numeric && !isGroupLabel && kind === 'requests') table.unplaced.push(newRow(r, labelCells, collected.labels[n], valueCells, columns));
      continue;
    }
    let label = collected.labels[n];
    if (labelCount < labelCells.length) {
      labelCells = labelCells.slice(0, labelCount);
      valueCells = r.raw.cells.slice(labelCount);
      label = labelCells.map((c) => c.raw).join(' ');
    }
    const row = newRow(r, labelCells, label, valueCells, columnsOf(match.item));
    if (segments.length > 1) addGroupLabels(row, segments, leaf.cell, groupKeys);
    place(table, row, match.item, match.exact ? 'exact' : 'fuzzy', match.score);
    lastIndex = order.indexOf(match.item);
  }

  if (kind === 'requests') {
    const placed = table.rows.length;
    if (table.unplaced.length > 0) table.unreadable = { reason: 'unplaced', count: table.unplaced.length };
    else if (placed < Math.ceil(order.length / 2)) table.unreadable = { reason: 'few-rows', count: placed };
  }
  return table;
}

/**
 * A row without a label, placed by order after the row placed last (at `lastIndex` of the table's
 * rows), unless the label fragments before it (`pending`) name another row; returns the new lastIndex.
 * Out of line: unlabelled rows are rare, and buildLabelledTable's optimised code stays smaller.
 */
function placeUnlabelled(table: Table, index: RowIndex, kind: 'requests' | 'active', r: RowLine, pending: string, valueCells: Cell[], numeric: boolean, lastIndex: number): number {
  const order = index.rows;
  let expected = lastIndex + 1;
  while (expected < order.length && table.byRow.has(order[expected].id)) expected++;
  let target = expected < order.length ? order[expected] : undefined;
  const fragments = target && pending !== '' ? coreKeys(labelSegments(pending)) : undefined;
  // The fragments name the expected row too (or there are none): it stays the target.
  let expectedNamed = !fragments || fragments.length === 0;
  for (let f = 0; fragments && f < fragments.length && !expectedNamed; f++) expectedNamed = scoreAt(index, scoresOf(index, fragments[f]), fragments[f], expected) >= MATCH_THRESHOLD;
  if (fragments && !expectedNamed) {
    // Rows not yet placed, in no preferred order.
    const open: Placing = { table, lastIndex: -1 };
    for (const k of fragments) {
      const named = bestRow(k, index, open);
      if (named && named.score >= STRONG_MATCH) {
        target = named.item;
        break;
      }
    }
  }
  const row = newRow(r, [], pending, valueCells, target?.columns ?? table.columns);
  if (!target || kind === 'active') {
    if (numeric && kind === 'requests') table.unplaced.push(row);
    return lastIndex;
  }
  place(table, row, target, 'sequence');
  return order.indexOf(target);
}

function lastSegment(label: string): string {
  const segments = labelSegments(label);
  return segments.length > 0 ? segments[segments.length - 1] : '';
}

const REVIEW_SEGMENT = 5;

/** Table 四: one data row of 15 numbers, or three rows of 5 (one per sub-table). */
function buildReviewTable(collected: Collected, reportYear: number | undefined): Table | undefined {
  const def = detectLayout('review', collected, reportYear);
  // Data rows have no label: numbers, or all blank (a template waiting to be filled).
  const data = collected.rows.filter(
    (r) =>
      labelEnd(r.raw.cells) === 0 &&
      (hasNumbers(r.raw) || (r.raw.cells.length >= REVIEW_SEGMENT && r.raw.cells.every((c) => c.kind === 'blank'))),
  );
  if (data.length === 0) return undefined;
  const table = emptyTable(def, collected.rows, def.columns);
  const isData = new Set(data);
  for (const r of collected.rows) if (!isData.has(r)) table.headerCells.push(...alignHeader(r.raw.cells, def));
  const trimmed = (r: RowLine) => {
    const cells = [...r.raw.cells];
    while (cells.length > def.columns.length && cells[cells.length - 1].kind === 'blank') cells.pop();
    return cells;
  };
  const rowDef = def.rows[0];
  if (data.length === 1) {
    place(table, newRow(data[0], [], '', trimmed(data[0]), def.columns), rowDef, 'exact');
  } else if (data.length === 3 && data.every((r) => trimmed(r).length === REVIEW_SEGMENT)) {
    const row = newRow(data[0], [], '', data.flatMap(trimmed), def.columns);
    row.span = spanOf(data);
    place(table, row, rowDef, 'exact');
  } else {
    table.unreadable = { reason: 'data-rows', count: data.length };
  }
  return table;
}

const KINDS: readonly TableKind[] = ['active', 'requests', 'review'];
/** What moving a row out of the table of its part costs, against 1 or 2 for other moves. */
const LEAVES_PART = 10;

interface Assigned {
  item: RowLine;
  label: string;
  pending: string;
  kind: TableKind;
  /** The row's own words name its table (not only where it stands). */
  named: boolean;
  /** The table of the part the row stands in. */
  region?: TableKind;
}

/**
 * Each table's rows made one unbroken run, so that no line lies within two tables (a table 三 row
 * written among the rows of table 二 made both tables claim the lines between). The fewest, least
 * certain rows change: a row left out of the tables costs 1, moved to another table 1.5; either costs
 * 1 more when the row's own words named its table, and 10 more when it leaves the table of the part it
 * stands in (the part is the strongest word on where a row belongs: prose misread as a row is not). Linear: one pass over the rows through the states (current table, tables already
 * closed), then back along the cheapest path. Undefined: the row belongs to no table.
 */
function contiguousKinds(rows: readonly Assigned[]): (TableKind | undefined)[] {
  // A loop, not rows.map: an array made by Array.prototype.map inlined into optimised code has another
  // map than one made by the builtin, and the next access to it threw the optimised code away.
  const kinds: TableKind[] = [];
  for (let i = 0; i < rows.length; i++) kinds.push(rows[i].kind);
  // Already one run per table (the usual case): nothing to decide.
  const closed = new Set<TableKind>();
  let interleaved = false;
  for (let i = 1; i < kinds.length && !interleaved; i++) {
    if (kinds[i] === kinds[i - 1]) continue;
    closed.add(kinds[i - 1]);
    interleaved = closed.has(kinds[i]);
  }
  if (!interleaved) return kinds;
  // State: current table (0–2, or 3 before any) × 8 + the tables already closed (a bit mask).
  const NONE = 3;
  const STATES = 32;
  const DROP = 3;
  const n = rows.length;
  const from = new Uint8Array(n * STATES);
  const took = new Uint8Array(n * STATES);
  let cost = new Float64Array(STATES).fill(Infinity);
  cost[NONE << 3] = 0;
  const price = (r: Assigned, a: number): number => {
    if (a !== DROP && KINDS[a] === r.kind) return 0;
    const base = a === DROP ? 1 : 1.5;
    const leavesPart = r.region !== undefined && (a === DROP || KINDS[a] !== r.region);
    return base + (r.named ? 1 : 0) + (leavesPart ? LEAVES_PART : 0);
  };
  for (let i = 0; i < n; i++) {
    const next = new Float64Array(STATES).fill(Infinity);
    for (let s = 0; s < STATES; s++) {
      if (cost[s] === Infinity) continue;
      const current = s >> 3;
      const mask = s & 7;
      for (let a = 0; a <= DROP; a++) {
        let t = s;
        if (a !== DROP && a !== current) {
          if (mask & (1 << a)) continue; // that table is closed
          t = (a << 3) | (current === NONE ? mask : mask | (1 << current));
        }
        const c = cost[s] + price(rows[i], a);
        if (c < next[t]) {
          next[t] = c;
          from[i * STATES + t] = s;
          took[i * STATES + t] = a;
        }
      }
    }
    cost = next;
  }
  let best = 0;
  for (let s = 1; s < STATES; s++) if (cost[s] < cost[best]) best = s;
  const out = new Array<TableKind | undefined>(n);
  for (let i = n - 1, s = best; i >= 0; i--) {
    const a = took[i * STATES + s];
    out[i] = a === DROP ? undefined : KINDS[a];
    s = from[i * STATES + s];
  }
  return out;
}

/** Groups row lines into tables and rebuilds each against its layout. */
export function buildTables(items: TableItem[], reportYear: number | undefined): Table[] {
  const collected: Record<TableKind, Collected> = {
    active: { rows: [], labels: [], pending: [] },
    requests: { rows: [], labels: [], pending: [] },
    review: { rows: [], labels: [], pending: [] },
  };
  const assigned: Assigned[] = [];
  let context: TableKind | undefined;
  let contextPart: number | undefined;
  let pending = '';
  for (const item of items) {
    if (item.type === 'fragment') {
      pending += item.text;
      continue;
    }
    const label = labelText(item.raw);
    const regionKind = tableKindOfPart(item.part);
    if (item.part !== contextPart) {
      context = regionKind;
      contextPart = item.part;
    }
    const named = label !== '' ? kindOfLabel(label) : undefined;
    let kind = named ?? context;
    if (!kind && label === '' && item.raw.cells.length >= 2 * REVIEW_SEGMENT) kind = 'review';
    if (!kind) continue;
    // Inside the part of a table, a row that does not clearly name another table stays in it.
    if (regionKind && kind !== regionKind && named === undefined) kind = regionKind;
    context = kind;
    assigned.push({ item, label, pending, kind, named: named !== undefined, region: regionKind });
    pending = '';
  }
  const kinds = contiguousKinds(assigned);
  let carried = '';
  assigned.forEach((r, i) => {
    const kind = kinds[i];
    // A row left out of the tables passes the label pieces before it on to the next row.
    if (!kind) return void (carried += r.pending);
    collected[kind].rows.push(r.item);
    collected[kind].labels.push(r.label);
    collected[kind].pending.push(carried + r.pending);
    carried = '';
  });
  const tables: Table[] = [];
  for (const kind of ['active', 'requests'] as const) {
    const { rows, labels } = collected[kind];
    if (rows.some((r, n) => hasNumbers(r.raw) || bestRow(coreKey(lastSegment(labels[n])), labelledRows()[kind]))) {
      const table = buildLabelledTable(kind, collected[kind], reportYear);
      if (table.rows.length > 0 || table.unplaced.length > 0) tables.push(table);
    }
  }
  const review = buildReviewTable(collected.review, reportYear);
  if (review) tables.push(review);
  return tables.sort((a, b) => a.span.start - b.span.start);
}
