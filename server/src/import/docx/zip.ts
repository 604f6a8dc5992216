// A small zip reader for .docx packages: reads the central directory itself and inflates only the
// parts asked for, in bounded steps, so a damaged or hostile file fails fast with bounded memory.
// fflate does the DEFLATE decoding; the directory is parsed here because fflate's unzipSync inflates
// whole entries at once (a zip bomb would be fully expanded before any limit could be checked).
import { Inflate } from 'fflate';

/** Why a zip could not be read; mapped to a user sentence by the caller. */
export type ZipProblem = 'not-zip' | 'corrupt' | 'encrypted' | 'method' | 'too-large';

export class ZipError extends Error {
  constructor(
    readonly problem: ZipProblem,
    detail: string,
  ) {
    super(detail);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  /** Name as stored (forward slashes). */
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  /** Uncompressed size as declared by the central directory. */
  size: number;
  /** CRC-32 of the uncompressed bytes, as declared. */
  crc: number;
  localOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
/** Entries listed at most; a .docx has a few dozen. */
const MAX_ENTRIES = 65_536;
/**
 * Compressed bytes handed to the inflater per step: 1 KB first, doubling up to 64 KB. DEFLATE expands
 * a byte into at most ~1032, so the first step yields at most ~1 MB: an entry that lies about its size
 * is caught after that much work, while an honest one needs only a handful of steps.
 */
const FIRST_STEP = 1024;
const MAX_STEP = 65_536;

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}

function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x1_0000_0000;
}

/** True when the bytes start like a zip (a local header or an empty archive's end record). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

let crcTable: Int32Array | undefined;

/** CRC-32 (the zip polynomial) of `data`. */
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

export class ZipReader {
  readonly entries: ZipEntry[] = [];
  private readonly byName = new Map<string, ZipEntry>();

  constructor(private readonly bytes: Uint8Array) {
    this.readDirectory();
  }

  private readDirectory(): void {
    const b = this.bytes;
    const n = b.length;
    if (n < 22) throw new ZipError(looksLikeZip(b) ? 'corrupt' : 'not-zip', 'too short for a zip');
    // The end-of-central-directory record: 22 bytes plus a comment of up to 65535 bytes at the end.
    let eocd = -1;
    for (let i = n - 22; i >= 0 && i >= n - 22 - 65_535; i--) {
      if (b[i] === 0x50 && b[i + 1] === 0x4b && u32(b, i) === SIG_EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError(looksLikeZip(b) ? 'corrupt' : 'not-zip', 'no end of central directory');
    let count = u16(b, eocd + 10);
    let cdSize = u32(b, eocd + 12);
    let cdOffset = u32(b, eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const loc = eocd - 20;
      if (loc >= 0 && u32(b, loc) === SIG_ZIP64_LOCATOR) {
        const z = u64(b, loc + 8);
        if (z + 56 <= n && u32(b, z) === SIG_ZIP64_EOCD) {
          count = u64(b, z + 32);
          cdSize = u64(b, z + 40);
          cdOffset = u64(b, z + 48);
        }
      }
    }
    if (cdOffset + cdSize > n) throw new ZipError('corrupt', 'central directory outside the file');
    if (count > MAX_ENTRIES) throw new ZipError('corrupt', `too many entries (${count})`);
    let p = cdOffset;
    for (let k = 0; k < count; k++) {
      if (p + 46 > n || u32(b, p) !== SIG_CENTRAL) throw new ZipError('corrupt', 'bad central directory entry');
      const flags = u16(b, p + 8);
      const method = u16(b, p + 10);
      const crc = u32(b, p + 16);
      let compressedSize = u32(b, p + 20);
      let size = u32(b, p + 24);
      const nameLen = u16(b, p + 28);
      const extraLen = u16(b, p + 30);
      const commentLen = u16(b, p + 32);
      let localOffset = u32(b, p + 42);
      const nameEnd = p + 46 + nameLen;
      if (nameEnd + extraLen + commentLen > n) throw new ZipError('corrupt', 'central directory entry runs past the end');
      const rawName = b.subarray(p + 46, nameEnd);
      const name = (flags & 0x800 ? utf8 : latin1).decode(rawName);
      // Zip64 sizes live in the extra field (id 1), in this order, for the fields saturated above.
      if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        let e = nameEnd;
        const eEnd = nameEnd + extraLen;
        while (e + 4 <= eEnd) {
          const id = u16(b, e);
          const len = u16(b, e + 2);
          if (id === 1) {
            let q = e + 4;
            if (size === 0xffffffff && q + 8 <= e + 4 + len) (size = u64(b, q)), (q += 8);
            if (compressedSize === 0xffffffff && q + 8 <= e + 4 + len) (compressedSize = u64(b, q)), (q += 8);
            if (localOffset === 0xffffffff && q + 8 <= e + 4 + len) localOffset = u64(b, q);
            break;
          }
          e += 4 + len;
        }
      }
      const entry: ZipEntry = { name, flags, method, compressedSize, size, crc, localOffset };
      this.entries.push(entry);
      const key = name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
      if (!this.byName.has(key)) this.byName.set(key, entry);
      p = nameEnd + extraLen + commentLen;
    }
  }

  /** The entry of a part name (case-insensitive, as OPC part names are), if present. */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\/+/, '').toLowerCase());
  }

  /**
   * The uncompressed bytes of an entry. `budget` is what may still be expanded: checked against the
   * declared size before inflating, and enforced while inflating (output beyond the declared size is
   * a corrupt or hostile entry and stops the inflation at once).
   */
  read(entry: ZipEntry, budget: number): Uint8Array {
    const b = this.bytes;
    if (entry.flags & 1) throw new ZipError('encrypted', `${entry.name} is encrypted`);
    if (entry.size > budget) throw new ZipError('too-large', `${entry.name} declares ${entry.size} bytes`);
    const h = entry.localOffset;
    if (h + 30 > b.length || u32(b, h) !== SIG_LOCAL) throw new ZipError('corrupt', `bad local header for ${entry.name}`);
    const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
    const end = start + entry.compressedSize;
    if (end > b.length) throw new ZipError('corrupt', `${entry.name} runs past the end of the file`);
    const data = b.subarray(start, end);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) throw new ZipError('corrupt', `stored ${entry.name} has inconsistent sizes`);
      return checked(entry, data);
    }
    if (entry.method !== 8) throw new ZipError('method', `${entry.name} uses compression method ${entry.method}`);
    const out = new Uint8Array(entry.size);
    let written = 0;
    let overflow = false;
    const inflater = new Inflate((chunk) => {
      if (written + chunk.length > out.length) {
        overflow = true;
        return;
      }
      out.set(chunk, written);
      written += chunk.length;
    });
    try {
      for (let i = 0, step = FIRST_STEP; i < data.length && !overflow; i += step, step = Math.min(step * 2, MAX_STEP)) {
        const end = Math.min(i + step, data.length);
        inflater.push(data.subarray(i, end), end === data.length);
      }
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (e) {
      throw new ZipError('corrupt', `${entry.name}: ${(e as Error).message}`);
    }
    // More data than declared: a damaged or crafted entry (its declared size was within the budget).
    if (overflow) throw new ZipError('corrupt', `${entry.name} inflates beyond its declared ${entry.size} bytes`);
    if (written !== entry.size) throw new ZipError('corrupt', `${entry.name} inflates to ${written} bytes, ${entry.size} declared`);
    return checked(entry, out);
  }
}

/** The bytes, when their CRC-32 is the declared one (damaged content fails here, not later as odd text). */
function checked(entry: ZipEntry, data: Uint8Array): Uint8Array {
  if (crc32(data) !== entry.crc) throw new ZipError('corrupt', `${entry.name} fails its CRC check`);
  return data;
}
