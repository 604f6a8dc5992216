// A fresh process's core check over a folder: the first pass over its reports (V8 still compiling the
// hot code: most of it runs unoptimised at first) and a second, warm pass over the same reports.
// Run by `npm run bench` (cli section) in a child process of its own; prints ms per report as JSON.
//   tsx scripts/bench-fresh.ts <folder>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../server/src/core';

const folder = process.argv[2];
const texts = readdirSync(folder)
  .sort()
  .map((name) => readFileSync(join(folder, name), 'utf8'));
const pass = (): number => {
  const start = performance.now();
  for (const text of texts) check(text, { fixes: false });
  return (performance.now() - start) / texts.length;
};
const first = pass();
const warm = pass();
console.log(JSON.stringify({ reports: texts.length, first, warm }));
