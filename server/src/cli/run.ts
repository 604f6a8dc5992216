// The command-line checker as a function: arguments in, output through `io`, exit code out.
import { LineIndex, check, fixText, localize, looksLikeReport, parseReport, type CheckOptions, type Locale, type Localized } from '../core';
import { VERSION } from '../contract/version';
import { parseArgs, type Format } from './args';
import { readReport, writeReport, type ReportFile } from '../host/files';
import { discoverFiles } from '../host/discover';
import { InputError } from '../host/errors';
import { formatJson, formatText, location, oneLine, type CheckedFile } from './format';
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

const formatters: Record<Format, (files: readonly CheckedFile[], locale: Locale) => string> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
};

function errorLine(io: CliIO, locale: Locale, reason: Localized): void {
  io.stderr(`gkreport: ${oneLine(localize(reason, locale))}\n`);
}

/** Fixes one file and checks it; what was fixed goes to stderr. */
function fixFile(file: string, report: ReportFile, io: CliIO, locale: Locale, options: CheckOptions): CheckedFile {
  try {
    const outcome = fixText(report.text, check, options);
    if (outcome.status === 'fixed') {
      const index = new LineIndex(report.text);
      for (const finding of outcome.fixed) {
        const where = location(file, index, finding.span.start);
        io.stderr(localize(fixMessages.fixed(where, finding.ruleId, oneLine(localize(finding.message, locale))), locale) + '\n');
      }
      writeReport(file, { text: outcome.text, bom: report.bom });
      io.stderr(localize(fixMessages.written(file, outcome.fixed.length), locale) + '\n');
    } else if (outcome.status === 'rejected') {
      const detail = [...outcome.stillThere].map(([ruleId, n]) => `${ruleId} ×${n}`).join(', ');
      io.stderr(localize(outcome.converged ? fixMessages.notWritten(file, detail) : fixMessages.notConverged(file), locale) + '\n');
    }
    return { file, text: outcome.text, findings: outcome.findings };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(cliErrors.internal(file, error instanceof Error ? error.message : String(error)));
  }
}

/** Fixes each file in turn, comparing it with last year's report among the inputs as it was read. */
function fixMany(reports: { file: string; report: ReportFile }[], io: CliIO, locale: Locale): CheckedFile[] {
  const models = reports.map(({ report }) => parseReport(report.text));
  const previous = previousYearReports(models.map((m) => m.meta));
  return reports.map(({ file, report }, i) =>
    fixFile(file, report, io, locale, optionsFor(previous[i], (j) => reports[j].file, (j) => models[j])),
  );
}

/** Checks without fixing, on worker threads when there are several jobs; the inputs are each other's workspace. */
async function checkMany(reports: { file: string; report: ReportFile }[], jobs: number, entry: string): Promise<CheckedFile[]> {
  const outcomes = await checkInWorkers(reports.map(({ file, report }) => ({ file, text: report.text })), jobs, entry);
  return reports.map(({ file, report }, i) => {
    const outcome = outcomes[i];
    // A fault in a rule must not surface as a stack trace: one line, exit 2.
    if ('error' in outcome) throw new InputError(cliErrors.internal(file, outcome.error));
    return { file, text: report.text, findings: outcome.findings };
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
    // Every input is read before anything is checked or written: an unreadable file stops the run untouched.
    // A .txt or .md found in a folder is checked only when it is a report (a README is not).
    const reports = (await discoverFiles(options.inputs))
      .map(({ file, named }) => ({ file, named, report: readReport(file) }))
      .filter(({ file, named, report }) => named || file.endsWith('.gkreport') || looksLikeReport(report.text));
    const checked = options.fix
      ? fixMany(reports, io, locale)
      : await checkMany(reports, options.jobs ?? 1, entry);
    io.stdout(formatters[options.format](checked, locale));
    return checked.some((c) => c.findings.some((f) => f.severity === 'error')) ? EXIT_FINDINGS : EXIT_OK;
  } catch (error) {
    const reason = error instanceof InputError ? error.reason : cliErrors.unexpected(error instanceof Error ? error.message : String(error));
    errorLine(io, locale, reason);
    return EXIT_USAGE;
  }
}
