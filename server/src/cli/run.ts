// The command-line checker as a function: arguments in, output through `io`, exit code out.
import * as os from 'node:os';
import * as path from 'node:path';
import { LineIndex, check, fixText, previousYearReports, localize, parseReport, type CheckOptions, type Locale, type Localized, type RuleSetting } from '../core';
import { VERSION } from '../contract/version';
import { parseArgs, type CliOptions, type ExportTarget } from './args';
import { ChangedSinceReadError, otherFileIndexes, writeFileAtomic, writeReport, type ReportFile } from '../host/files';
import { discoverFiles, REPORT_EXTENSIONS, type Input } from '../host/discover';
import { InputError } from '../host/errors';
import { IMPORT_EXTENSIONS, importFormatOf, importReportFile } from '../host/import';
import { ConfigResolver, globMatcher, type ReportConfig } from '../host/config';
import { buildDigest } from '../host/cache';
import { RunCache } from './cache';
import { jsonArray, jsonFailedPiece, location, oneLine, type CheckedFile, type FailedFile } from './format';
import { cliErrors, fixMessages, summary, usage, usageHint } from './messages';
import { optionsFor, runOnWorkers, type Runner } from './parallel';
import { assembleSarif } from './sarif';
import { assembleCsv } from './csv';
import { assembleHtml } from './html';
import { Progress, wantsProgress } from './progress';
import { loadInput, outputPiece, tally, type FileOutcome, type LoadedReport, type ShareSettings, type Tally, type WorkItem } from './share';

export interface CliIO {
  /** Text, or UTF-8 bytes. */
  stdout(chunk: string | Uint8Array): void;
  stderr(text: string): void;
  /** stderr is a terminal: progress is shown on it for long runs. */
  stderrIsTTY?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** From this many files on, two threads may check them by default (below it, starting a worker costs more than it saves). */
export const PARALLEL_FROM_FILES = 64;

function errorLine(io: CliIO, locale: Locale, reason: Localized): void {
  io.stderr(`gkreport: ${oneLine(localize(reason, locale))}\n`);
}

/** What --fix did to a file. */
type FixResult = 'written' | 'unchanged' | 'skipped' | 'failed';

/**
 * Fixes one file and checks it; what was fixed goes to stderr. A file is written only when the fixes
 * hold and the file is still what was read; a failure to write leaves it intact and touches no other file.
 */
function fixFile(file: string, report: ReportFile, io: CliIO, locale: Locale, options: CheckOptions, includeTotals: boolean): { checked: CheckedFile; result: FixResult } {
  let outcome;
  try {
    outcome = fixText(report.text, check, options, { includeTotals });
  } catch (error) {
    throw new InputError(cliErrors.internal(file, error instanceof Error ? error.message : String(error)));
  }
  const unchanged = { checked: { file, text: report.text, findings: outcome.findings }, result: 'unchanged' as FixResult };
  if (outcome.status === 'rejected') {
    io.stderr(localize(fixMessages.notWritten(file, outcome.reason), locale) + '\n');
  }
  if (outcome.status !== 'fixed') return unchanged;
  try {
    writeReport(file, { ...report, text: outcome.text });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    errorLine(io, locale, error.reason);
    // The file keeps its text: its findings are those of that text.
    const findings = check(report.text, options).findings;
    return { checked: { file, text: report.text, findings }, result: error instanceof ChangedSinceReadError ? 'skipped' : 'failed' };
  }
  const index = new LineIndex(report.text);
  for (const finding of outcome.fixed) {
    const where = location(file, index, finding.span.start);
    io.stderr(localize(fixMessages.fixed(where, finding.ruleId, oneLine(localize(finding.message, locale))), locale) + '\n');
  }
  io.stderr(localize(fixMessages.written(file, outcome.fixed.length), locale) + '\n');
  return { checked: { file, text: outcome.text, findings: outcome.findings }, result: 'written' };
}

/** `gkreport import`: writes the report text of one Word file, web page or PDF. */
async function importOne(file: string, output: string | undefined, io: CliIO, locale: Locale): Promise<number> {
  const imported = await importReportFile(file);
  for (const note of imported.notes) io.stderr(`gkreport: ${oneLine(localize(cliErrors.importNote(file, note), locale))}\n`);
  const target = output ?? path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.gkreport`);
  writeReport(target, { text: imported.text, bom: false, encoding: 'utf-8' });
  io.stderr(localize(cliErrors.imported(file, target), locale) + '\n');
  return EXIT_OK;
}

/**
 * Writes one report (text, or a Word file, web page or PDF read as one) as it will be published; says
 * how many errors it still has, checked with its configuration, so nobody publishes them unawares.
 */
async function exportOne(file: string, options: CliOptions, rules: Record<string, RuleSetting>, io: CliIO, locale: Locale): Promise<number> {
  const to: ExportTarget = options.exportTo ?? 'docx';
  const target = options.output ?? path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.${to}`);
  if (path.resolve(target) === path.resolve(file)) throw new InputError(cliErrors.exportOverInput(file));
  const loaded = (await loadInput(file, true))!;
  for (const note of loaded.notes) io.stderr(`gkreport: ${oneLine(localize(cliErrors.importNote(file, note), locale))}\n`);
  const { text } = loaded.report;
  const { exportReport } = await import('../host/conversions');
  writeFileAtomic(target, await exportReport(text, to));
  const [errors] = tally(check(text, { rules }).findings);
  io.stderr(localize(cliErrors.exported(file, target, errors), locale) + '\n');
  return EXIT_OK;
}

/** A loaded report and the rule settings it is checked with. */
interface FixInput extends LoadedReport {
  rules: Record<string, RuleSetting>;
}

/**
 * Fixes each file in turn, comparing it with last year's report among the inputs as it was read. Each
 * file stands alone: one that cannot be written does not stop the others. Says what happened to each.
 */
function fixMany(reports: FixInput[], io: CliIO, locale: Locale, includeTotals: boolean): { checked: CheckedFile[]; failed: boolean } {
  const models = reports.map(({ report }) => parseReport(report.text));
  const previous = previousYearReports(models.map((m) => m.meta));
  const results = reports.map(({ file, report, rules }, i) =>
    fixFile(file, report, io, locale, { ...optionsFor(previous[i], (j) => reports[j].file, (j) => models[j]), rules }, includeTotals),
  );
  const named = (result: FixResult) => results.flatMap((r, i) => (r.result === result ? [reports[i].file] : []));
  io.stderr(localize(fixMessages.summary(named('written'), named('skipped'), named('failed')), locale) + '\n');
  return { checked: results.map((r) => r.checked), failed: named('failed').length > 0 };
}

/** The inputs to check, each with its rule settings; what the configuration files say. */
interface Plan {
  items: WorkItem[];
  ruleSets: Record<string, RuleSetting>[];
  locale: Locale;
}

/**
 * Applies the configuration: each file's nearest configuration file (or --config), --rule over it,
 * the ignores (of the configuration files and --ignore) to files found in folders. A configuration
 * that is wrong stops the run (InputError: one line, exit 2).
 */
function plan(inputs: readonly Input[], options: CliOptions, localeGiven: boolean, io: CliIO): Plan {
  const resolver = new ConfigResolver(options.config !== undefined ? { fixed: options.config } : {});
  const cliIgnored = globMatcher(process.cwd(), options.ignores ?? []);
  const ruleSets: Record<string, RuleSetting>[] = [];
  const ruleSetOf = new Map<ReportConfig | undefined, number>();
  const shadowed = new Set<string>();
  const governing = (g: ReturnType<ConfigResolver['forFile']>): ReportConfig | undefined => {
    const { config } = g;
    if (config && config.problems.length > 0) throw new InputError(cliErrors.configProblem(config.problems[0]));
    if (g.shadowed && config && !shadowed.has(g.shadowed)) {
      shadowed.add(g.shadowed);
      errorLine(io, options.locale, cliErrors.configShadowed(config.file, g.shadowed));
    }
    return config;
  };
  // With --config, the file must be usable even when no input is found.
  if (options.config !== undefined) governing(resolver.forFile(options.config));
  const items: WorkItem[] = [];
  for (const input of inputs) {
    const file = path.resolve(input.file);
    const config = governing(resolver.forFile(file));
    if (!input.named && (config?.ignored(file) || cliIgnored(file))) continue;
    let ruleSet = ruleSetOf.get(config);
    if (ruleSet === undefined) {
      ruleSet = ruleSets.push({ ...config?.rules, ...options.rules }) - 1;
      ruleSetOf.set(config, ruleSet);
    }
    items.push({ position: items.length, file: input.file, named: input.named, ruleSet });
  }
  // The language of the run: --locale, else the configuration's (--config, or the one of the first input).
  let locale = options.locale;
  if (!localeGiven) {
    const first = options.inputs[0];
    const from = options.config !== undefined ? resolver.forFile(options.config) : first !== undefined && inputs[0]?.named === false ? resolver.forFolder(first) : first !== undefined ? resolver.forFile(first) : {};
    locale = governing(from)?.locale ?? locale;
  }
  return { items, ruleSets, locale };
}

export type Chunk = string | Uint8Array;

/** Chunks joined by a separator, as `join` would, without building the joined text. */
function joined(chunks: readonly Chunk[], separator: string): Chunk[] {
  const out: Chunk[] = [];
  for (const chunk of chunks) {
    if (chunk.length === 0) continue;
    if (out.length > 0) out.push(separator);
    out.push(chunk);
  }
  return out;
}

const asText = (chunk: Chunk) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8'));

/**
 * The whole output, in chunks to be written one after the other, from the files' pieces (in input
 * order) and the files that could not be read. The big outputs (JSON, SARIF of many files) are never
 * one string: each piece is written as it is.
 */
function assemble(options: CliOptions, locale: Locale, pieces: readonly Chunk[], shown: Tally, checkedCount: number, failed: readonly FailedFile[]): Chunk[] {
  switch (options.format) {
    case 'text':
      return [...pieces, summary({ files: checkedCount, errors: shown[0], warnings: shown[1], infos: shown[2] }, locale) + '\n'];
    case 'json': {
      const items = joined([...pieces, ...failed.map((f) => jsonFailedPiece(f, locale))], ',\n');
      return items.length === 0 ? [jsonArray([]) + '\n'] : ['[\n', ...items, '\n]\n'];
    }
    case 'sarif': {
      const items = joined(pieces, ',\n');
      if (items.length === 0) return [assembleSarif([], locale, failed)];
      // The log around one placeholder piece, then the real pieces in its place.
      const marker = '\u0000pieces\u0000';
      const log = assembleSarif([marker], locale, failed);
      const at = log.indexOf(marker);
      return [log.slice(0, at), ...items, log.slice(at + marker.length)];
    }
    case 'csv':
      return [assembleCsv(pieces.map(asText), failed, locale)];
    case 'html':
      return [assembleHtml(pieces.map(asText), failed, locale)];
  }
}

/** Bytes gathered before a write: a run over many files makes thousands of pieces, each write has a cost. */
export const BLOCK_BYTES = 1 << 20;

/** Writes the output to stdout in blocks of about BLOCK_BYTES of UTF-8, each piece encoded once into its block. */
export function writeInBlocks(output: readonly Chunk[], io: CliIO): void {
  let block = Buffer.allocUnsafe(BLOCK_BYTES);
  let used = 0;
  const flush = () => {
    if (used === 0) return;
    io.stdout(block.subarray(0, used));
    block = Buffer.allocUnsafe(BLOCK_BYTES);
    used = 0;
  };
  for (const chunk of output) {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const most = typeof chunk === 'string' ? chunk.length * 3 : chunk.byteLength;
    if (used + most > BLOCK_BYTES) flush();
    if (most > BLOCK_BYTES) io.stdout(chunk);
    else if (typeof chunk === 'string') used += block.write(chunk, used, 'utf8');
    else {
      block.set(chunk, used);
      used += chunk.byteLength;
    }
  }
  flush();
}

const add = (a: Tally, b: Tally): Tally => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];

/**
 * How many threads check the files when --jobs does not say: one, or two for many files when four cores
 * are free. Each thread's V8 compiles the same hot code again and keeps compiler and GC threads busy
 * beside it: on an idle two-core machine (scripts/bench.ts, 1,000 reports) two threads took 1.3 times the
 * CPU time of one and finished later (2.10 s against 1.98 s; 4% sooner only when the output is ten times
 * larger). Two at most by default (--jobs N asks for more).
 */
export function defaultJobs(files: number, cores = os.availableParallelism?.() ?? os.cpus().length, load = os.loadavg()[0]): number {
  if (files < PARALLEL_FROM_FILES) return 1;
  return cores - load >= FREE_CORES_FOR_TWO ? 2 : 1;
}

/** Free cores (by the 1-minute load average) for two threads by default: each with its compiler and GC threads. */
const FREE_CORES_FOR_TWO = 3.5;

/** Checks the inputs (without fixing): the pieces of the output, in input order. */
async function checkAll(planned: Plan, settings: ShareSettings, options: CliOptions, io: CliIO, entry: string, failed: FailedFile[]): Promise<FileOutcome[]> {
  const { items } = planned;
  const { locale } = settings;
  const cache = options.cache === undefined ? undefined : new RunCache(options.cache);
  if (cache?.note) errorLine(io, locale, cache.note);
  cache?.attach(items);
  const runner: Runner = runOnWorkers(items, settings, options.jobs ?? defaultJobs(items.length), entry);
  try {
    const progress = new Progress((text) => io.stderr(text), items.length, wantsProgress(io.stderrIsTTY, items.length), locale);
    let loaded;
    try {
      loaded = await runner.load((done) => progress.update(done));
    } finally {
      progress.finish();
    }
    // In input order: what conversions said, the files that could not be read; a rule's fault stops the run.
    for (const outcome of loaded) {
      const { file } = items[outcome.position];
      for (const note of outcome.notes) errorLine(io, locale, cliErrors.importNote(file, note));
      if (outcome.kind === 'failed') {
        failed.push({ file, reason: outcome.reason! });
        errorLine(io, locale, outcome.reason!);
      }
      if (outcome.kind === 'fault') throw new InputError(cliErrors.internal(file, outcome.fault!));
    }
    const previous = previousYearReports(items.map((item) => loaded[item.position]?.identity));
    const comparisons = cache?.comparisons(items, loaded, previous);
    const outcomes = await runner.finish(comparisons?.made ?? previous);
    for (const outcome of outcomes) if (outcome.fault !== undefined) throw new InputError(cliErrors.internal(items[outcome.position].file, outcome.fault));
    if (cache && comparisons) {
      cache.fill(comparisons, outcomes);
      const note = cache.save(comparisons, outcomes);
      if (note) errorLine(io, locale, note);
    }
    return outcomes;
  } finally {
    runner.close();
  }
}

/** Fixes the inputs on this thread (the files are written one by one): the pieces of the output. */
async function fixAll(planned: Plan, settings: ShareSettings, options: CliOptions, io: CliIO, failed: FailedFile[]): Promise<{ outcomes: FileOutcome[]; writeFailed: boolean }> {
  const { locale } = settings;
  const reports: FixInput[] = [];
  for (const item of planned.items) {
    try {
      const loaded = await loadInput(item.file, item.named, { forWriting: true });
      if (loaded) reports.push({ ...loaded, rules: planned.ruleSets[item.ruleSet] });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      failed.push({ file: item.file, reason: error.reason });
      errorLine(io, locale, error.reason);
    }
  }
  const fixed = fixMany(reports, io, locale, options.fixTotals);
  const otherFile = otherFileIndexes();
  const outcomes = fixed.checked.map((checked, position): FileOutcome => {
    const shown = settings.quiet ? checked.findings.filter((f) => f.severity === 'error') : checked.findings;
    return { position, piece: outputPiece(settings, position, { ...checked, findings: shown }, otherFile), all: tally(checked.findings), shown: tally(shown) };
  });
  return { outcomes, writeFailed: fixed.failed };
}

/** `entry` is the script worker threads run for --jobs: the CLI bundle itself. */
export async function run(argv: readonly string[], io: CliIO, entry = process.argv[1]): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    // One line: the reason, then where to find the usage.
    const { locale } = parsed;
    const sep = locale === 'zh-cn' ? '。' : '. ';
    io.stderr(`gkreport: ${localize(parsed.error, locale)}${sep}${localize(usageHint, locale)}\n`);
    return EXIT_USAGE;
  }
  const { options } = parsed;
  let { locale } = options;
  if (options.help) {
    io.stdout(localize(usage, locale) + '\n');
    return EXIT_OK;
  }
  if (options.version) {
    io.stdout(VERSION + '\n');
    return EXIT_OK;
  }
  try {
    if (options.command === 'import') return await importOne(options.inputs[0], options.output, io, locale);
    // Every input is found before anything is checked or written. A file that cannot be read is named
    // (stderr, and a notification in JSON and SARIF) and the others are still checked; the exit code is then 2.
    const inputs = await discoverFiles(options.inputs, [...REPORT_EXTENSIONS, ...IMPORT_EXTENSIONS]);
    const converted = inputs.find((input) => importFormatOf(input.file));
    if (options.fix && converted) throw new InputError(cliErrors.fixImported(converted.file));
    const localeGiven = argv.some((arg) => arg === '--locale' || arg.startsWith('--locale='));
    const planned = plan(inputs, options, localeGiven, io);
    locale = planned.locale;
    if (options.command === 'export') {
      // A folder, or a file that is no report, is not one report to export.
      if (inputs.length !== 1 || !inputs[0].named) throw new InputError(cliErrors.oneFile('export'));
      return await exportOne(inputs[0].file, options, planned.ruleSets[0]!, io, locale);
    }
    const settings: ShareSettings = {
      format: options.format,
      locale,
      quiet: options.quiet === true,
      ruleSets: planned.ruleSets,
      ...(options.cache !== undefined ? { build: buildDigest(VERSION, entry) } : {}),
    };
    const failed: FailedFile[] = [];
    let writeFailed = false;
    let outcomes: FileOutcome[];
    if (options.fix) ({ outcomes, writeFailed } = await fixAll(planned, settings, options, io, failed));
    else outcomes = await checkAll(planned, settings, options, io, entry, failed);
    const all = outcomes.reduce<Tally>((t, o) => add(t, o.all), [0, 0, 0]);
    const shown = outcomes.reduce<Tally>((t, o) => add(t, o.shown), [0, 0, 0]);
    const output = assemble(options, locale, outcomes.map((o) => o.piece), shown, outcomes.length, failed);
    if (options.output !== undefined) {
      writeFileAtomic(options.output, output.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk)));
      io.stderr(localize(cliErrors.wrote(options.output, outcomes.length), locale) + '\n');
    } else {
      writeInBlocks(output, io);
    }
    if (failed.length > 0 || writeFailed) return EXIT_USAGE;
    if (all[0] > 0) return EXIT_FINDINGS;
    if (options.maxWarnings !== undefined && all[1] > options.maxWarnings) {
      errorLine(io, locale, cliErrors.tooManyWarnings(all[1], options.maxWarnings));
      return EXIT_FINDINGS;
    }
    return EXIT_OK;
  } catch (error) {
    const reason = error instanceof InputError ? error.reason : cliErrors.unexpected(error instanceof Error ? error.message : String(error));
    errorLine(io, locale, reason);
    return EXIT_USAGE;
  }
}
