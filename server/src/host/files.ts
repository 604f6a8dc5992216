// Reading and writing report files (UTF-8; a BOM is kept).
import * as fs from 'node:fs';
import { LineIndex } from '../core';
import { describeFsError, fileErrors, InputError } from './errors';

const utf8 = new TextDecoder('utf-8', { fatal: true }); // also drops a leading BOM

/** Decodes UTF-8 bytes; a leading BOM is removed. Throws InputError when the bytes are not UTF-8. */
export function decodeReport(bytes: Uint8Array, file: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InputError(fileErrors.notUtf8(file));
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
    throw new InputError(describeFsError(error, file));
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text: decodeReport(bytes, file), bom };
}

export function writeReport(file: string, report: ReportFile): void {
  try {
    fs.writeFileSync(file, (report.bom ? '\ufeff' : '') + report.text, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    throw new InputError(fileErrors.unwritable(file, code ?? String(error)));
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
