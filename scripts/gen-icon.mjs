#!/usr/bin/env node
// Draws images/icon.png (128×128): a report page with a red title band and a table grid.
// Plain pixels and Node's zlib, so it needs no image tool:  node scripts/gen-icon.mjs
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 128;
const RED = [200, 16, 46, 255];
const PAGE = [255, 255, 255, 255];
const INK = [30, 58, 95, 255];
const GRID = [120, 144, 170, 255];
const pixels = new Uint8Array(SIZE * SIZE * 4); // transparent

function fill(x0, y0, x1, y1, color) {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) pixels.set(color, (y * SIZE + x) * 4);
}

fill(20, 8, 108, 120, INK); // page border
fill(23, 11, 105, 117, PAGE);
fill(23, 11, 105, 36, RED); // title band
fill(34, 20, 94, 25, PAGE); // a title line in the band
for (let y = 46; y <= 106; y += 12) fill(30, y, 98, y + 2, GRID); // table rows
for (const x of [30, 58, 78, 96]) fill(x, 46, x + 2, 108, GRID); // table columns

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) Buffer.from(pixels.buffer, y * SIZE * 4, SIZE * 4).copy(rows, y * (SIZE * 4 + 1) + 1);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
