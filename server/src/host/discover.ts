// Finding report files: the one walk the CLI, the server's workspace index and the editor's
// "check all reports in the workspace" share. Depth first in name order; node_modules and
// dot-folders skipped; links to files followed, links to folders not.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { looksLikeReport } from '../core';
import { describeFsError, InputError } from './errors';

/** Extensions picked up when walking a folder (a file named on the command line is always read). */
export const REPORT_EXTENSIONS: readonly string[] = ['.txt', '.md', '.gkreport'];

export function hasReportExtension(file: string, extensions: readonly string[] = REPORT_EXTENSIONS): boolean {
  return extensions.includes(path.extname(file).toLowerCase());
}

/** One file found, or a folder that could not be read (the walk goes on). */
export type Walked = { file: string } | { folder: string; error: InputError };

/** Files with one of the extensions below a folder. */
export async function* walkFolder(dir: string, extensions: readonly string[] = REPORT_EXTENSIONS, signal?: AbortSignal): AsyncGenerator<Walked> {
  let entries;
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield { folder: dir, error: new InputError(describeFsError(error, dir)) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (signal?.aborted) return;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) yield* walkFolder(full, extensions, signal);
    } else if (hasReportExtension(entry.name, extensions) && (entry.isFile() || (entry.isSymbolicLink() && (await isFile(full))))) {
      yield { file: full };
    }
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fsp.stat(file)).isFile();
  } catch {
    return false;
  }
}

export interface Input {
  file: string;
  /** Named by the user (always checked), rather than found in a folder. */
  named: boolean;
}

/**
 * The files to check, in order, each once: named files as given, folders walked. A name that does
 * not exist, or a folder that cannot be read, is an InputError.
 */
export async function discoverFiles(inputs: readonly string[], extensions: readonly string[] = REPORT_EXTENSIONS): Promise<Input[]> {
  const files: Input[] = [];
  for (const input of inputs) {
    let isFolder: boolean;
    try {
      isFolder = (await fsp.stat(input)).isDirectory();
    } catch (error) {
      throw new InputError(describeFsError(error, input));
    }
    if (!isFolder) {
      files.push({ file: input, named: true });
      continue;
    }
    for await (const walked of walkFolder(input, extensions)) {
      if ('error' in walked) throw walked.error;
      files.push({ file: walked.file, named: false });
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

/** Bytes read from the start of a .txt or .md file to tell whether it is a report. */
const HEAD_BYTES = 16 * 1024;

/**
 * Whether a found file is a report: a .gkreport always; a .txt or .md only when detection is on and
 * its start names 政府信息公开 (a README is not a report). Unreadable files are not.
 */
export async function isReportFile(file: string, detect: boolean): Promise<boolean> {
  if (file.toLowerCase().endsWith('.gkreport')) return true;
  if (!detect) return false;
  let handle;
  try {
    handle = await fsp.open(file, 'r');
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return looksLikeReport(new TextDecoder('utf-8').decode(buffer.subarray(0, bytesRead)));
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

/** The reports below some folders, as `isReportFile` tells them. */
export async function reportFilesIn(folders: readonly string[], detect: boolean, signal?: AbortSignal): Promise<string[]> {
  const found: string[] = [];
  for (const folder of folders) {
    for await (const walked of walkFolder(folder, REPORT_EXTENSIONS, signal)) {
      if ('file' in walked && (await isReportFile(walked.file, detect))) found.push(walked.file);
    }
  }
  return found;
}
