// Reading and writing report files. Text comes in UTF-8, UTF-16 (with its BOM) or GB18030/GBK and goes
// back in the same encoding, BOM and all. A write never damages a file: it goes to a temporary file in
// the same folder, which then replaces the original in one rename, and only when the original is still
// what was read.
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { LineIndex } from '../core';
import { describeFsError, fileErrors, InputError } from './errors';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** What a file was when it was read: a write goes ahead only while it still is. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  sha256: string;
}

export interface ReportFile {
  text: string;
  /** The file started with a byte order mark (kept when the file is written back). */
  bom: boolean;
  encoding: TextEncoding;
  /** Absent for text that did not come from a file (a conversion). */
  stamp?: FileStamp;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const strictGb18030 = new TextDecoder('gb18030', { fatal: true });

/**
 * The text of a file's bytes: a BOM says UTF-8 or UTF-16; valid UTF-8 is UTF-8; otherwise GB18030 (a
 * superset of GBK and GB2312). Bytes that are none of these (a binary file) are an InputError.
 */
export function decodeReport(bytes: Uint8Array, file: string): Pick<ReportFile, 'text' | 'bom' | 'encoding'> {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decodeStrict(strictUtf8, bytes.subarray(3), file), bom: true, encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: Buffer.from(bytes.subarray(2)).toString('utf16le'), bom: true, encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: Buffer.from(bytes.subarray(2)).swap16().toString('utf16le'), bom: true, encoding: 'utf-16be' };
  // A NUL byte is in no report text in these encodings: a binary file.
  if (bytes.includes(0)) throw new InputError(fileErrors.notText(file));
  try {
    return { text: strictUtf8.decode(bytes), bom: false, encoding: 'utf-8' };
  } catch {
    return { text: decodeStrict(strictGb18030, bytes, file), bom: false, encoding: 'gb18030' };
  }
}

function decodeStrict(decoder: { decode(bytes: Uint8Array): string }, bytes: Uint8Array, file: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new InputError(fileErrors.notText(file));
  }
}

/** The bytes of a text in an encoding, with its BOM when there was one. */
export function encodeReport(report: Pick<ReportFile, 'text' | 'bom' | 'encoding'>): Buffer {
  const { text, bom, encoding } = report;
  switch (encoding) {
    case 'utf-8':
      return Buffer.from((bom ? '\ufeff' : '') + text, 'utf8');
    case 'utf-16le':
      return Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
    case 'utf-16be':
      return Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le').swap16();
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
  }
}

const stampOf = (stat: fs.Stats, bytes: Uint8Array): FileStamp => ({
  size: stat.size,
  mtimeMs: stat.mtimeMs,
  sha256: createHash('sha256').update(bytes).digest('hex'),
});

/**
 * Reads a report file. A FIFO, a device or a folder is refused before it is opened (reading one could
 * hang). `stamp: false` leaves the stamp out: a check that writes nothing back spares hashing each file.
 */
export function readReport(file: string, { stamp = true }: { stamp?: boolean } = {}): ReportFile {
  const { stat, bytes } = readInput(file);
  const decoded = decodeReport(bytes, file);
  return stamp ? { ...decoded, stamp: stampOf(stat, bytes) } : decoded;
}

/** The bytes of an input file (a report, or a file to convert), refused as readReport refuses it. */
export function readInputBytes(file: string): Buffer {
  return readInput(file).bytes;
}

/**
 * A regular file's status and bytes, through one open descriptor (a stat by path before the read cost a
 * third of the reading of a small file). Opened without blocking: a named pipe is refused, not waited on.
 * Any failure is an InputError saying why.
 */
function readInput(file: string): { stat: fs.Stats; bytes: Buffer } {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    // Windows does not open a folder as a file.
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new InputError(fileErrors.notRegular(file));
    throw new InputError(describeFsError(error, file));
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new InputError(fileErrors.notRegular(file));
    return { stat, bytes: fs.readFileSync(fd) };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error, file));
  } finally {
    fs.closeSync(fd);
  }
}

/** The same as readReport, without blocking (the language server reads closed files with it). */
export async function readReportAsync(file: string): Promise<ReportFile> {
  let stat: fs.Stats;
  let bytes: Buffer;
  try {
    stat = await fs.promises.stat(file);
    if (!stat.isFile()) throw new InputError(fileErrors.notRegular(file));
    bytes = await fs.promises.readFile(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error, file));
  }
  return { ...decodeReport(bytes, file), stamp: stampOf(stat, bytes) };
}

/** The file is not what was read any more (the user saved it meanwhile): nothing was written. */
export class ChangedSinceReadError extends InputError {}

/** Whether the file at `file` is still what `stamp` says was read. */
function unchanged(file: string, stamp: FileStamp): boolean {
  try {
    const stat = fs.statSync(file);
    if (stat.size !== stamp.size || stat.mtimeMs !== stamp.mtimeMs) return false;
    return stampOf(stat, fs.readFileSync(file)).sha256 === stamp.sha256;
  } catch {
    return false;
  }
}

/**
 * Writes a report atomically: to a temporary file beside the target (through a symbolic link, beside the
 * file it points to), with the target's permissions, flushed, then renamed over the target. When the
 * report carries the stamp of what was read and the file has changed since, nothing is written
 * (ChangedSinceReadError). On any failure the original is intact and the temporary file is removed.
 */
export function writeReport(file: string, report: ReportFile): void {
  writeFileAtomic(file, encodeReport(report), report.stamp);
}

/**
 * Writes bytes atomically, as writeReport writes a report (the CLI's output files go this way too):
 * nothing is written when `stamp` says what was read and the file has changed since. The bytes may
 * come in parts, written one after the other (not first copied into one). `flush: false` leaves out
 * the wait for the disk before the rename, for a file whose loss in a power cut costs nothing (a cache):
 * the rename still replaces it whole.
 */
export function writeFileAtomic(file: string, bytes: Uint8Array | readonly Uint8Array[], stamp?: FileStamp, { flush = true }: { flush?: boolean } = {}): void {
  let target = file;
  try {
    target = fs.realpathSync(file);
  } catch {
    // A new file: written where it was named.
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    // A replaced file keeps its mode; a new one gets the usual 0o666 less the umask (open applies it, chmod would not).
    const mode = fs.existsSync(target) ? fs.statSync(target).mode & 0o7777 : undefined;
    fd = fs.openSync(temp, 'wx', mode ?? 0o666);
    writeParts(fd, bytes instanceof Uint8Array ? [bytes] : bytes);
    if (flush) fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    if (mode !== undefined) fs.chmodSync(temp, mode);
    // Checked last, right before the rename: a save by the user meanwhile wins.
    if (stamp && !unchanged(target, stamp)) throw new ChangedSinceReadError(fileErrors.changedSinceRead(file));
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    throw new InputError(fileErrors.unwritable(file, code ?? String(error)));
  }
}

/** Writes the parts one after the other in one call (thousands of small pieces: one write each would cost more than the bytes). */
function writeParts(fd: number, parts: readonly Uint8Array[]): void {
  let total = 0;
  for (const part of parts) total += part.byteLength;
  const written = fs.writevSync(fd, parts);
  if (written !== total) throw new Error(`short write: ${written} of ${total} bytes`);
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
