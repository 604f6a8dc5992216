// The command-line checker as a function: arguments in, output through `io`, exit code out.
import { LineIndex, check, fixText, localize, looksLikeReport, parseReport, type CheckOptions, type Locale, type Localized } from '../core';
import { VERSION } from '../contract/version';
import { parseArgs, type Format } from './args';
import { ChangedSinceReadError, readReport, writeReport, type ReportFile } from '../host/files';
import { discoverFiles, REPORT_EXTENSIONS, type Input } from '../host/discover';
import { InputError } from '../host/errors';
import { IMPORT_EXTENSIONS, importFormatOf, importReportFile } from '../host/import';
import type { ImportedSource } from '../import/common/place';
import * as path from 'node:path';
import { formatJson, formatText, location, oneLine, type CheckedFile, type FailedFile } from './format';
import { cliErrors, fixMessages, usage, usageHint } from './messages';
import { checkInWorkers, optionsFor, previousYearReports } from './parallel';
import { formatSarif } from './sarif';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const formatters: Record<Format, (files: readonly CheckedFile[], locale: Locale, failed: readonly FailedFile[]) => string> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
};

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

/** An input read for checking: its text, and where it came from when it was converted. */
interface LoadedReport {
  file: string;
  report: ReportFile;
  source?: ImportedSource;
}

/**
 * Reads an input: a text report as it is, a Word file, web page or PDF converted (what the user
 * should know about the conversion goes to stderr). A file found in a folder is checked only when it
 * is a report (a README is not); undefined otherwise.
 */
async function loadInput({ file, named }: Input, io: CliIO, locale: Locale): Promise<LoadedReport | undefined> {
  if (importFormatOf(file)) {
    const imported = await importReportFile(file);
    if (!named && !looksLikeReport(imported.text)) return undefined;
    for (const note of imported.notes) io.stderr(`gkreport: ${oneLine(localize(cliErrors.importNote(file, note), locale))}\n`);
    return { file, report: { text: imported.text, bom: false, encoding: 'utf-8' }, source: { format: imported.format, map: imported.map } };
  }
  const report = readReport(file);
  return named || file.endsWith('.gkreport') || looksLikeReport(report.text) ? { file, report } : undefined;
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
 * Fixes each file in turn, comparing it with last year's report among the inputs as it was read. Each
 * file stands alone: one that cannot be written does not stop the others. Says what happened to each.
 */
function fixMany(reports: LoadedReport[], io: CliIO, locale: Locale, includeTotals: boolean): { checked: CheckedFile[]; failed: boolean } {
  const models = reports.map(({ report }) => parseReport(report.text));
  const previous = previousYearReports(models.map((m) => m.meta));
  const results = reports.map(({ file, report }, i) =>
    fixFile(file, report, io, locale, optionsFor(previous[i], (j) => reports[j].file, (j) => models[j]), includeTotals),
  );
  const named = (result: FixResult) => results.flatMap((r, i) => (r.result === result ? [reports[i].file] : []));
  io.stderr(localize(fixMessages.summary(named('written'), named('skipped'), named('failed')), locale) + '\n');
  return { checked: results.map((r) => r.checked), failed: named('failed').length > 0 };
}

/** Checks without fixing, on worker threads when there are several jobs; the inputs are each other's workspace. */
async function checkMany(reports: LoadedReport[], jobs: number, entry: string): Promise<CheckedFile[]> {
  const outcomes = await checkInWorkers(reports.map(({ file, report }) => ({ file, text: report.text })), jobs, entry);
  return reports.map(({ file, report, source }, i) => {
    const outcome = outcomes[i];
    // A fault in a rule must not surface as a stack trace: one line, exit 2.
    if ('error' in outcome) throw new InputError(cliErrors.internal(file, outcome.error));
    return { file, text: report.text, findings: outcome.findings, ...(source ? { source } : {}) };
  });
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
  const { locale } = options;
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
    // Every input is read before anything is checked or written. A file that cannot be read is named
    // (stderr, and a notification in JSON and SARIF) and the others are still checked; the exit code is then 2.
    const inputs = await discoverFiles(options.inputs, [...REPORT_EXTENSIONS, ...IMPORT_EXTENSIONS]);
    const converted = inputs.find((input) => importFormatOf(input.file));
    if (options.fix && converted) throw new InputError(cliErrors.fixImported(converted.file));
    const reports: LoadedReport[] = [];
    const failed: FailedFile[] = [];
    for (const input of inputs) {
      try {
        const loaded = await loadInput(input, io, locale);
        if (loaded) reports.push(loaded);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        failed.push({ file: input.file, reason: error.reason });
        errorLine(io, locale, error.reason);
      }
    }
    const fixed = options.fix ? fixMany(reports, io, locale, options.fixTotals) : undefined;
    const checked = fixed ? fixed.checked : await checkMany(reports, options.jobs ?? 1, entry);
    io.stdout(formatters[options.format](checked, locale, failed));
    if (failed.length > 0 || fixed?.failed) return EXIT_USAGE;
    return checked.some((c) => c.findings.some((f) => f.severity === 'error')) ? EXIT_FINDINGS : EXIT_OK;
  } catch (error) {
    const reason = error instanceof InputError ? error.reason : cliErrors.unexpected(error instanceof Error ? error.message : String(error));
    errorLine(io, locale, reason);
    return EXIT_USAGE;
  }
}
