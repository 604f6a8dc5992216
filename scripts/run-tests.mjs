#!/usr/bin/env node
// Runs every test/**/*.test.ts with Node's built-in test runner (TypeScript through tsx).
// Node 20's --test neither expands globs nor finds .ts files in folders, hence this script.
//   node scripts/run-tests.mjs              all tests
//   node scripts/run-tests.mjs test/cli     only the tests under the given files or folders
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

function findTests(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.') && entry.name !== 'fixtures') findTests(full, out);
    } else if (entry.name.endsWith('.test.ts')) {
      out.push(full);
    }
  }
  return out;
}

const roots = process.argv.length > 2 ? process.argv.slice(2).map((p) => resolve(p)) : [join(root, 'test')];
const files = roots.flatMap((p) => (statSync(p, { throwIfNoEntry: false })?.isDirectory() ? findTests(p) : p.endsWith('.test.ts') ? [p] : []));

if (files.length === 0) {
  console.error(`run-tests: no *.test.ts files under ${roots.map((p) => relative(root, p) || '.').join(', ')}`);
  process.exit(1);
}

const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...files.map((f) => relative(root, f))], {
  cwd: root,
  stdio: 'inherit',
});
if (result.error) {
  console.error(`run-tests: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
