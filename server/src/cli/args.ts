// Command-line arguments → options, or a usage error.
import { ruleOf, type Locale, type Localized, type RuleSetting } from '../core';
import { DEFAULT_CACHE_FILE } from '../host/cache';
import { ruleProblems, ruleSettingOf } from '../host/config';
import { cliErrors } from './messages';

export const FORMATS = ['text', 'json', 'sarif', 'csv', 'html'] as const;
export const LOCALES = ['zh-cn', 'en'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * `gkreport <files>` checks; `gkreport import <file> [-o out]` writes the report text of a Word file, web
 * page or PDF; `gkreport export [--to docx|html] <file> [-o out]` writes a report as it will be published.
 */
export type Command = 'check' | 'import' | 'export';
const SUBCOMMANDS: readonly Command[] = ['import', 'export'];
export const EXPORT_TARGETS = ['docx', 'html'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

export interface CliOptions {
  command: Command;
  /**
   * Where `import` and `export` write (default: the input's name with `.gkreport`, `.docx` or `.html`,
   * beside it); where a check writes its output (default: stdout).
   */
  output?: string;
  /** What `export` writes: a Word document (default) or a web page. */
  exportTo?: ExportTarget;
  format: Format;
  fix: boolean;
  /** With --fix: totals are set to their sums too (only when asked: a wrong total may be a wrong term). */
  fixTotals: boolean;
  locale: Locale;
  help: boolean;
  version: boolean;
  /**
   * Threads checking files (--jobs N, default 1). One thread already keeps two cores busy (V8 collects
   * garbage on helper threads), and each worker warms up its own compiler: more pay on many cores only.
   */
  jobs?: number;
  /** --config: this configuration file for every input, instead of the nearest one. */
  config?: string;
  /** --rule ID=value, by rule id, in the order given (later wins). */
  rules?: Record<string, RuleSetting>;
  /** --ignore: globs relative to the working folder. */
  ignores?: string[];
  /** --quiet: only error-severity findings are printed. */
  quiet?: boolean;
  /** --max-warnings N: more warnings than this exit 1. */
  maxWarnings?: number;
  /** --cache (.gkreportcache) or --cache-location <file>: the cache file of a check's results. */
  cache?: string;
  inputs: string[];
}

export type ParseResult = { ok: true; options: CliOptions } | { ok: false; locale: Locale; error: Localized };

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** The locale asked for on the command line (zh-cn unless `--locale en`), also when the rest is wrong. */
export function requestedLocale(argv: readonly string[]): Locale {
  let locale: Locale = 'zh-cn';
  argv.forEach((arg, i) => {
    const value = arg === '--locale' ? argv[i + 1] : arg.startsWith('--locale=') ? arg.slice('--locale='.length) : undefined;
    if (value !== undefined && isOneOf(LOCALES, value)) locale = value;
  });
  return locale;
}

export function parseArgs(argv: readonly string[]): ParseResult {
  const options: CliOptions = { command: 'check', format: 'text', fix: false, fixTotals: false, locale: requestedLocale(argv), help: false, version: false, inputs: [] };
  const fail = (error: Localized): ParseResult => ({ ok: false, locale: options.locale, error });

  let first = 0;
  if (isOneOf(SUBCOMMANDS, argv[0] ?? '')) {
    options.command = argv[0] as Command;
    first = 1;
  }
  for (let i = first; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      options.inputs.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      options.inputs.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const takeValue = (): string | undefined => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return undefined;
      i++;
      return next;
    };

    switch (name) {
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '-v':
      case '--version':
        options.version = true;
        break;
      case '--fix':
      case '--fix-totals':
        if (inline !== undefined) return fail(cliErrors.unknownOption(arg));
        options.fix = true;
        if (name === '--fix-totals') options.fixTotals = true;
        break;
      case '--format':
      case '--locale':
      case '--to': {
        if (name === '--to' && options.command !== 'export') return fail(cliErrors.unknownOption(arg));
        const value = takeValue();
        if (value === undefined) return fail(cliErrors.missingValue(name));
        const allowed = name === '--format' ? FORMATS : name === '--to' ? EXPORT_TARGETS : LOCALES;
        if (!isOneOf<string>(allowed, value)) return fail(cliErrors.badValue(name, value, allowed));
        if (name === '--format') options.format = value as Format;
        else if (name === '--to') options.exportTo = value as ExportTarget;
        else options.locale = value as Locale;
        break;
      }
      case '-o':
      case '--output': {
        const value = takeValue();
        if (value === undefined) return fail(cliErrors.missingValue(name));
        options.output = value;
        break;
      }
      case '--jobs':
      case '-j': {
        const value = takeValue();
        if (value === undefined) return fail(cliErrors.missingValue(name));
        if (!/^[1-9][0-9]{0,2}$/.test(value)) return fail(cliErrors.notPositive(name, value));
        options.jobs = Number(value);
        break;
      }
      case '--config':
      case '--ignore': {
        const value = takeValue();
        if (value === undefined || value === '') return fail(cliErrors.missingValue(name));
        if (name === '--config') options.config = value;
        else options.ignores = [...(options.ignores ?? []), value];
        break;
      }
      case '--rule': {
        const value = takeValue();
        if (value === undefined) return fail(cliErrors.missingValue(name));
        const eqAt = value.indexOf('=');
        if (eqAt <= 0) return fail(cliErrors.ruleSyntax(value));
        const [key, setting] = [value.slice(0, eqAt), value.slice(eqAt + 1)];
        const rule = ruleOf(key);
        if (!rule) return fail(ruleProblems.unknownRule('--rule: ', key));
        const parsedSetting = ruleSettingOf(setting === 'true' ? true : setting === 'false' ? false : setting);
        if (parsedSetting === undefined) return fail(ruleProblems.badValue('--rule: ', key, setting));
        options.rules = { ...options.rules, [rule.meta.id]: parsedSetting };
        break;
      }
      case '--cache':
        if (inline !== undefined) return fail(cliErrors.unknownOption(arg));
        options.cache ??= DEFAULT_CACHE_FILE;
        break;
      case '--cache-location': {
        const value = takeValue();
        if (value === undefined || value === '') return fail(cliErrors.missingValue(name));
        options.cache = value;
        break;
      }
      case '-q':
      case '--quiet':
        if (inline !== undefined) return fail(cliErrors.unknownOption(arg));
        options.quiet = true;
        break;
      case '--max-warnings': {
        const value = takeValue();
        if (value === undefined) return fail(cliErrors.missingValue(name));
        if (!/^(0|[1-9][0-9]{0,8})$/.test(value)) return fail(cliErrors.notCount(name, value));
        options.maxWarnings = Number(value);
        break;
      }
      default:
        return fail(cliErrors.unknownOption(arg));
    }
  }
  if (!options.help && !options.version && options.inputs.length === 0) return fail(cliErrors.noInput);
  if (options.command !== 'check' && !options.help && options.inputs.length !== 1) return fail(cliErrors.oneFile(options.command));
  if (options.command !== 'check' && options.fix) return fail(cliErrors.unknownOption(options.fixTotals ? '--fix-totals' : '--fix'));
  if (options.cache !== undefined && (options.command !== 'check' || options.fix)) return fail(cliErrors.cacheWith(options.command === 'check' ? '--fix' : options.command));
  return { ok: true, options };
}
