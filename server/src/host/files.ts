// Finding the reports to check and reading them as UTF-8.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Localized } from '../core/base/types';
import { LineIndex } from '../core/base/lineIndex';
import { cliErrors } from '../cli/messages';

/** Extensions picked up when walking a folder (a file named on the command line is always read). */
export const REPORT_EXTENSIONS = ['.txt', '.md', '.gkreport'];

/** An input problem that ends the run with exit code 2. */
export class InputError extends Error {
  constructor(readonly reason: Localized) {
    super(reason.en);
  }
}

function describe(error: unknown, file: string): Localized {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return cliErrors.notFound(file);
  if (code === 'EACCES' || code === 'EPERM') return cliErrors.noPermission(file);
  return cliErrors.unreadable(file, code ?? (error instanceof Error ? error.message : String(error)));
}

function isReportFile(name: string): boolean {
  return REPORT_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

/** Report files below a folder, depth first in name order; skips node_modules and dot-folders. */
function walk(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new InputError(describe(error, dir));
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      walk(full, out);
    } else if (isReportFile(entry.name) && (entry.isFile() || isFileLink(full))) {
      out.push(full); // symbolic links to files are read; links to folders are not followed
    }
  }
}

function isFileLink(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export interface Input {
  file: string;
  /** Named on the command line (always checked), rather than found in a folder. */
  named: boolean;
}

/** The files to check, in order, each once: named files as given, folders walked. */
export function collectFiles(inputs: readonly string[]): Input[] {
  const files: Input[] = [];
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (error) {
      throw new InputError(describe(error, input));
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      walk(input, found);
      files.push(...found.map((file) => ({ file, named: false })));
    } else {
      files.push({ file: input, named: true });
    }
  }
  const seen = new Set<string>();
  return files.filter(({ file }) => {
    const key = path.resolve(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true }); // also drops a leading BOM

/** Decodes UTF-8 bytes; a leading BOM is removed. Throws InputError when the bytes are not UTF-8. */
export function decodeReport(bytes: Uint8Array, file: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InputError(cliErrors.notUtf8(file));
  }
}

export interface ReportFile {
  text: string;
  /** The file started with a UTF-8 byte order mark (kept when the file is written back). */
  bom: boolean;
}

export function readReport(file: string): ReportFile {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new InputError(describe(error, file));
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text: decodeReport(bytes, file), bom };
}

export function writeReport(file: string, report: ReportFile): void {
  try {
    fs.writeFileSync(file, (report.bom ? '\ufeff' : '') + report.text, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    throw new InputError(cliErrors.unwritable(file, code ?? String(error)));
  }
}

/** Line indexes of other files named in related information (cross-report rules); unreadable → undefined. */
export function otherFileIndexes(): (file: string) => { uri: string; index: LineIndex } | undefined {
  const cache = new Map<string, LineIndex | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      try {
        cache.set(file, new LineIndex(readReport(file).text));
      } catch {
        cache.set(file, undefined);
      }
    }
    const index = cache.get(file);
    return index ? { uri: file, index } : undefined;
  };
}
