// An index of the reports under the workspace folders, for the rules that compare reports (group X).
// Node fs only, no LSP: the language server feeds it file events and asks it for a document's
// related reports. Building it never blocks: files are read asynchronously, one at a time, and
// the event loop gets a turn between files so typing stays responsive.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { walkFolder, REPORT_EXTENSIONS } from './discover';
import { readReportAsync } from './files';
import { looksLikeReport, parseReport, previousReport, type OtherReport, type ReportModel } from '../core';

export interface ReportIndexOptions {
  /** File name endings indexed when walking a folder; default `.txt`, `.md`, `.gkreport`. */
  extensions?: readonly string[];
  /** Larger files are skipped (bytes); default 2 MB. */
  maxBytes?: number;
}

export interface IndexedReport {
  /** Absolute path. */
  file: string;
  agency?: string;
  year?: number;
  model: ReportModel;
  /** The indexed text, for positions in related information. */
  text: string;
}

const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

/** Lets other work (LSP messages, typing) run before the next file. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class ReportIndex {
  private readonly reports = new Map<string, IndexedReport>();
  private readonly extensions: readonly string[];
  private readonly maxBytes: number;

  constructor(options: ReportIndexOptions = {}) {
    this.extensions = (options.extensions ?? REPORT_EXTENSIONS).map((e) => e.toLowerCase());
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  }

  get size(): number {
    return this.reports.size;
  }

  /** Every indexed report. */
  entries(): IndexedReport[] {
    return [...this.reports.values()];
  }

  get(file: string): IndexedReport | undefined {
    return this.reports.get(path.resolve(file));
  }

  /**
   * Indexes the reports under the folders (depth first; node_modules and dot-folders skipped).
   * Resolves when done; `signal` stops the walk early. Files already indexed are not read again.
   */
  async addFolders(folders: readonly string[], signal?: AbortSignal): Promise<void> {
    for (const folder of folders) {
      for await (const walked of walkFolder(path.resolve(folder), this.extensions, signal)) {
        if (signal?.aborted) return;
        // A folder that cannot be read holds no report we can compare with.
        if ('file' in walked && !this.reports.has(walked.file)) await this.readFromDisk(walked.file);
        await yieldToEventLoop();
      }
    }
  }

  /** A file was created or changed on disk: read it again. Returns whether it is indexed as a report. */
  async update(file: string): Promise<boolean> {
    return this.readFromDisk(path.resolve(file));
  }

  /** A file or a whole folder was deleted: its reports leave the index. */
  remove(fileOrFolder: string): void {
    const key = path.resolve(fileOrFolder);
    const prefix = key.endsWith(path.sep) ? key : key + path.sep;
    for (const file of [...this.reports.keys()]) if (file === key || file.startsWith(prefix)) this.reports.delete(file);
  }

  /** The other reports the cross-report rules need for a document: the same agency's report for the year before. */
  relevantTo(model: ReportModel, file?: string): OtherReport[] {
    const self = file === undefined ? undefined : path.resolve(file);
    const others = this.entries()
      .filter((r) => r.file !== self)
      .map((r) => ({ file: r.file, model: r.model }));
    const previous = previousReport(model, others);
    return previous ? [previous] : [];
  }

  private put(key: string, text: string): boolean {
    if (!looksLikeReport(text)) {
      this.reports.delete(key);
      return false;
    }
    const model = parseReport(text);
    this.reports.set(key, { file: key, agency: model.meta.agency, year: model.meta.reportYear, model, text });
    return true;
  }

  private async readFromDisk(key: string): Promise<boolean> {
    try {
      const stat = await fsp.stat(key);
      if (!stat.isFile() || stat.size > this.maxBytes) {
        this.reports.delete(key);
        return false;
      }
      return this.put(key, (await readReportAsync(key)).text);
    } catch {
      // Gone, unreadable or not text: not a report we can compare with.
      this.reports.delete(key);
      return false;
    }
  }

}
