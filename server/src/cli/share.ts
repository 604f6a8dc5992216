// What one thread does with its share of the inputs, the same on a worker and on the main thread
// (so the output is the same whatever --jobs says):
//   1. load: read (or import) each file, parse it, check it with every rule that reads the report alone,
//      write its piece of the output (a text line block, a JSON entry, SARIF results, a CSV row or the
//      summary page's part) and say who it is (agency, year); the model and findings are then let go, so
//      memory holds only texts and pieces (flat strings, cheap for the garbage collector); with --cache,
//      a file whose bytes and settings are those of a run before is not read further: who it is comes
//      from the cache, and the main thread puts in its piece;
//   2. finish: with the previous-year reports the main thread found among all inputs, run the rules
//      that compare reports (group X) on the reports that have one; a report they find something in is
//      checked again in full (the same findings as in step 1, and theirs) and its piece written anew.
//      With --cache, the main thread leaves out the comparisons the cache has (cli/cache.ts).
import {
  LineIndex,
  allRules,
  compareFindings,
  looksLikeReport,
  parseReport,
  runRules,
  type Fault,
  type Finding,
  type Locale,
  type Localized,
  type OtherReport,
  type ReportIdentity,
  type ReportModel,
  type RuleSetting,
} from '../core';
import { digestOf, type CacheEntry } from '../host/cache';
import { decodeReport, readInputBytes, readReport, otherFileIndexes, type ReportFile } from '../host/files';
import { importFormatOf, importReportBytes } from '../host/import';
import { InputError } from '../host/errors';
import type { ImportedSource } from '../import/common/place';
import type { Format } from './args';
import { csvRow, reportFacts } from './csv';
import { jsonPiece, textPiece, type CheckedFile, type OtherFile } from './format';
import { htmlPiece } from './html';
import { sarifPiece } from './sarif';

/** An input as the main thread hands it out. */
export interface WorkItem {
  /** Position among all inputs: the order of the output. */
  position: number;
  file: string;
  /** Named on the command line (always checked), rather than found in a folder. */
  named: boolean;
  /** Index of the rule settings it is checked with. */
  ruleSet: number;
  /** With --cache: what the cache holds for the file (its piece stays with the main thread), used when its key is still the file's. */
  cached?: CachedFile;
}

export interface ShareSettings {
  format: Format;
  locale: Locale;
  quiet: boolean;
  /** Rule settings by id, one per configuration (file configuration and --rule combined). */
  ruleSets: Record<string, RuleSetting>[];
  /** With --cache: the digest of the checker's build (buildDigest), part of every cache key. */
  build?: string;
}

/** A file's cache entry without its pieces: what goes with the file to the thread that loads it. */
export type CachedFile = Omit<CacheEntry<CachedCheck>, 'blobs'>;

/**
 * What checking a report came to, as the cache keeps it: alone (step 1: the entry's first blob is its
 * piece), and in its last comparison with its previous-year reports (step 2).
 */
export interface CachedCheck {
  identity?: ReportIdentity;
  notes: Localized[];
  all: Tally;
  shown: Tally;
  compared?: {
    /** The digest of the cache keys of the report and of the previous-year reports it was compared with. */
    with: string;
    /** What the whole report then came to when the comparison found something (its piece is the entry's second blob). */
    found?: { all: Tally; shown: Tally };
  };
}

/** What loading an input came to. */
export interface LoadOutcome {
  position: number;
  /** skipped: found in a folder and not a report (a README); failed: unreadable; fault: a rule failed on it. */
  kind: 'checked' | 'skipped' | 'failed' | 'fault';
  /** What the user should know about a conversion (Word, web page, PDF). */
  notes: Localized[];
  reason?: Localized;
  fault?: string;
  identity?: ReportIdentity;
  /** With --cache: the file's entry for the next run (this run's, or the one it used, whose pieces the main thread has). */
  cache?: CachedFile & { blobs?: Uint8Array[] };
}

/** [errors, warnings, infos and hints] */
export type Tally = [number, number, number];

/** A checked file's piece of the output. */
export interface FileOutcome {
  position: number;
  /** Text, or its UTF-8 bytes (a worker encodes the pieces it sends, so the main thread only writes them; cached pieces are bytes). */
  piece: string | Uint8Array;
  /** Findings by severity, before --quiet leaves some out. */
  all: Tally;
  /** Findings by severity in the output. */
  shown: Tally;
  fault?: string;
  /** Compared with its previous-year reports in this run: they found nothing, or something (the piece is then that of the whole report). */
  comparison?: 'calm' | 'found';
  /** The piece is the cache's, which the main thread puts in. */
  cached?: boolean;
}

/** An input read for checking: its text, and where it came from when it was converted. */
export interface LoadedReport {
  file: string;
  report: ReportFile;
  source?: ImportedSource;
  notes: Localized[];
}

/**
 * Reads an input: a text report as it is, a Word file, web page or PDF converted. A file found in a
 * folder is checked only when it is a report (a README is not); undefined otherwise. `forWriting`: the
 * text report carries the stamp a write back (--fix) needs.
 */
export async function loadInput(file: string, named: boolean, { forWriting = false }: { forWriting?: boolean } = {}): Promise<LoadedReport | undefined> {
  if (!forWriting || importFormatOf(file)) return loadInputBytes(file, named, readInputBytes(file));
  return checkedText(file, named, readReport(file));
}

/** An input from its bytes, read already, as loadInput reads it. */
export async function loadInputBytes(file: string, named: boolean, bytes: Uint8Array): Promise<LoadedReport | undefined> {
  if (!importFormatOf(file)) return checkedText(file, named, decodeReport(bytes, file));
  const imported = await importReportBytes(file, bytes);
  if (!named && !looksLikeReport(imported.text)) return undefined;
  return { file, report: { text: imported.text, bom: false, encoding: 'utf-8' }, source: { format: imported.format, map: imported.map }, notes: imported.notes };
}

const checkedText = (file: string, named: boolean, report: ReportFile): LoadedReport | undefined =>
  named || file.endsWith('.gkreport') || looksLikeReport(report.text) ? { file, report, notes: [] } : undefined;

/** The rules that compare a report with others (group X): they run once the previous-year reports are known. */
const CROSS_RULES = allRules.filter((r) => r.meta.group === 'X');
/** The rules that read a report alone: they run as it is loaded, with nothing to compare with. */
const LOCAL_RULES = allRules.filter((r) => r.meta.group !== 'X');

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Findings by severity. */
export function tally(findings: readonly Finding[]): Tally {
  const t: Tally = [0, 0, 0];
  for (const f of findings) t[f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2]++;
  return t;
}

/** A file's piece of the output in a format. `model` (csv and html only) is parsed from the text when not given. */
export function outputPiece(
  settings: ShareSettings,
  position: number,
  checked: CheckedFile,
  otherFile: OtherFile,
  model?: ReportModel,
): string {
  const { locale } = settings;
  switch (settings.format) {
    case 'text':
      return textPiece(checked, locale);
    case 'json':
      return jsonPiece(checked, locale, otherFile);
    case 'sarif':
      return sarifPiece(checked, locale, otherFile);
    case 'csv':
      return csvRow(checked.file, reportFacts(model ?? parseReport(checked.text)), checked.findings);
    case 'html': {
      const m = model ?? parseReport(checked.text);
      return htmlPiece(position, checked, m, reportFacts(m), locale);
    }
  }
}

/** A rule that failed on a text is a bug: the file is reported as not checked, with the rule's error. */
const faultText = (faults: readonly Fault[]) => faults.map((f) => `${f.ruleId}: ${f.error.split('\n')[0]}`).join('; ');

/** A report's text, and where it came from when it was converted: what the comparisons of step 2 read. */
interface Source {
  file: string;
  text: string;
  source?: ImportedSource;
}

/** The outcome of a report a rule failed on: no piece, the rule's error. */
const faultOutcome = (position: number, fault: string): FileOutcome => ({ position, piece: '', all: [0, 0, 0], shown: [0, 0, 0], fault });

export class Share {
  /** The outcome of every report checked in step 1, by position, until step 2 hands it out. */
  private readonly kept = new Map<number, FileOutcome>();
  /** The text of every report loaded here, by position, for the comparisons of step 2. */
  private readonly sources = new Map<number, Source>();
  /** The same texts by file, for the related information that points into them. */
  private readonly texts = new Map<string, string>();
  /** Reports whose text was not read here (taken from the cache, or another thread's), read when compared. */
  private readonly unread = new Map<number, WorkItem>();
  /** With --cache: the part of the cache key that the settings make, by rule settings. */
  private readonly settingsKeys: string[];

  constructor(
    private readonly items: readonly WorkItem[],
    private readonly settings: ShareSettings,
  ) {
    const { build, format, locale, quiet } = settings;
    this.settingsKeys = build === undefined ? [] : settings.ruleSets.map((rules) => digestOf([build, format, locale, String(quiet), JSON.stringify(Object.entries(rules).sort(([a], [b]) => (a < b ? -1 : 1)))]));
  }

  /** Step 1, for every item of the share in order; `onDone` hears how many are done. */
  async load(onDone: (done: number) => void = () => {}): Promise<LoadOutcome[]> {
    const outcomes: LoadOutcome[] = [];
    let done = 0;
    for (const item of this.items) {
      outcomes.push(await this.loadOne(item));
      onDone(++done);
    }
    return outcomes;
  }

  private async loadOne(item: WorkItem): Promise<LoadOutcome> {
    const { position } = item;
    let loaded: LoadedReport | undefined;
    let key: string | undefined;
    try {
      if (this.settings.build === undefined) loaded = await loadInput(item.file, item.named);
      else {
        const bytes = readInputBytes(item.file);
        key = this.cacheKey(item, bytes);
        if (item.cached?.key === key) return this.fromCache(item, item.cached);
        loaded = await loadInputBytes(item.file, item.named, bytes);
      }
    } catch (error) {
      if (!(error instanceof InputError)) return { position, kind: 'fault', notes: [], fault: errorText(error) };
      return { position, kind: 'failed', notes: [], reason: error.reason };
    }
    if (!loaded) return { position, kind: 'skipped', notes: [] };
    const { text } = loaded.report;
    let model: ReportModel;
    let findings: Finding[];
    try {
      model = parseReport(text);
      // No output shows fixes: the rules leave them out.
      const run = runRules(model, { rules: this.settings.ruleSets[item.ruleSet], fixes: false }, LOCAL_RULES);
      if (run.faults.length > 0) return { position, kind: 'fault', notes: loaded.notes, fault: faultText(run.faults) };
      findings = run.findings;
    } catch (error) {
      return { position, kind: 'fault', notes: loaded.notes, fault: errorText(error) };
    }
    this.remember(item, loaded);
    const outcome = this.written(item, this.sources.get(position)!, findings, model);
    this.kept.set(position, outcome);
    const identity: ReportIdentity = { agency: model.meta.agency, reportYear: model.meta.reportYear };
    const { notes } = loaded;
    if (key === undefined) return { position, kind: 'checked', notes, identity };
    // Cached as bytes, and written from them: the piece is encoded once.
    const bytes = typeof outcome.piece === 'string' ? Buffer.from(outcome.piece, 'utf8') : outcome.piece;
    outcome.piece = bytes;
    return { position, kind: 'checked', notes, identity, cache: { key, value: { identity, notes, all: outcome.all, shown: outcome.shown }, blobs: [bytes] } };
  }

  /**
   * The cache key of a file: the settings' part, the file as named (its piece names it), whether it was
   * named (a file found in a folder may be no report) and its bytes; for the summary page its position too
   * (its part of the page is numbered).
   */
  private cacheKey(item: WorkItem, bytes: Uint8Array): string {
    return digestOf([this.settingsKeys[item.ruleSet], item.file, String(item.named), this.settings.format === 'html' ? String(item.position) : '', bytes]);
  }

  /** A report as the cache has it: its text is read only if step 2 compares it. */
  private fromCache(item: WorkItem, entry: CachedFile): LoadOutcome {
    const { identity, notes, all, shown } = entry.value;
    this.kept.set(item.position, { position: item.position, piece: '', all, shown, cached: true });
    this.unread.set(item.position, item);
    return { position: item.position, kind: 'checked', notes, ...(identity ? { identity } : {}), cache: entry };
  }

  private remember(item: WorkItem, loaded: LoadedReport): void {
    const { text } = loaded.report;
    this.sources.set(item.position, { file: item.file, text, ...(loaded.source ? { source: loaded.source } : {}) });
    this.texts.set(item.file, text);
  }

  /**
   * Step 2. `previous`: for each of the share's reports that has any, the positions of the same
   * agency's reports for the year before; `extra`: those of them another thread loaded (read here again).
   */
  async finish(previous: ReadonlyMap<number, readonly number[]>, extra: readonly WorkItem[] = []): Promise<FileOutcome[]> {
    for (const item of extra) this.unread.set(item.position, item);
    // The texts the comparisons read that were not read here.
    for (const [position, before] of previous) {
      for (const j of [position, ...before]) {
        const item = this.unread.get(j);
        if (!item || this.sources.has(j)) continue;
        try {
          const loaded = await loadInput(item.file, item.named);
          if (loaded) this.remember(item, loaded);
        } catch {
          // Read a moment ago (by this thread or another, or in a run before); now gone: nothing to compare with.
        }
      }
    }
    const models = new Map<number, ReportModel>();
    const modelOf = (position: number): OtherReport | undefined => {
      const source = this.sources.get(position);
      if (!source) return undefined;
      let model = models.get(position);
      if (!model) models.set(position, (model = parseReport(source.text)));
      return { file: source.file, model };
    };
    const outcomes: FileOutcome[] = [];
    for (const item of this.items) {
      const outcome = this.kept.get(item.position);
      if (!outcome) continue;
      // Done with it after this: the memory goes back as the output is written.
      this.kept.delete(item.position);
      const before = previous.get(item.position) ?? [];
      const own = before.length === 0 ? undefined : modelOf(item.position);
      outcomes.push(own === undefined ? outcome : this.compared(item, outcome, before.flatMap((j) => modelOf(j) ?? []), own.model));
    }
    return outcomes;
  }

  /** A report's outcome (`alone`: that of step 1) once compared with its previous-year reports (`workspace`). */
  private compared(item: WorkItem, alone: FileOutcome, workspace: OtherReport[], model: ReportModel): FileOutcome {
    const rules = this.settings.ruleSets[item.ruleSet];
    try {
      const cross = runRules(model, { rules, workspace, fixes: false }, CROSS_RULES);
      if (cross.faults.length > 0) return faultOutcome(item.position, faultText(cross.faults));
      if (cross.findings.length === 0) return { ...alone, comparison: 'calm' };
      // The step 1 findings again (the same text and rules give the same findings), with the comparisons'
      // ones, sorted as one run of every rule sorts them: by position, then rule id (the sort is stable).
      const local = runRules(model, { rules, fixes: false }, LOCAL_RULES);
      if (local.faults.length > 0) return faultOutcome(item.position, faultText(local.faults));
      return { ...this.written(item, this.sources.get(item.position)!, [...local.findings, ...cross.findings].sort(compareFindings), model), comparison: 'found' };
    } catch (error) {
      return faultOutcome(item.position, errorText(error));
    }
  }

  /** A checked report's outcome: its piece of the output (with --quiet, errors only) and its findings by severity. */
  private written(item: WorkItem, { text, source }: Source, findings: Finding[], model: ReportModel): FileOutcome {
    const shown = this.settings.quiet ? findings.filter((f) => f.severity === 'error') : findings;
    const checked: CheckedFile = { file: item.file, text, findings: shown, ...(source ? { source } : {}) };
    return { position: item.position, piece: outputPiece(this.settings, item.position, checked, this.otherFile, model), all: tally(findings), shown: tally(shown) };
  }

  /** Line indexes of the files related information points into: texts read in this run, else from disk. */
  private readonly otherFile: OtherFile = (() => {
    const fromDisk = otherFileIndexes();
    const indexes = new Map<string, LineIndex>();
    return (file: string) => {
      const text = this.texts.get(file);
      if (text === undefined) return fromDisk(file);
      let index = indexes.get(file);
      if (!index) indexes.set(file, (index = new LineIndex(text)));
      return { uri: file, index };
    };
  })();
}
