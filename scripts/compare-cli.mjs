#!/usr/bin/env node
// Compares the CLI's output over test/fixtures (seeds, real, pairs) between an earlier revision and the
// working tree, byte for byte: JSON per file and for each folder, in both languages, plus SARIF.
// A refactor that must not change behaviour shows "identical" for every zh-cn output.
//   node scripts/compare-cli.mjs <git revision>      e.g. node scripts/compare-cli.mjs 9ffae2b
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const revision = process.argv[2];
if (!revision) {
  console.error('usage: node scripts/compare-cli.mjs <git revision>');
  process.exit(2);
}

/** Builds the CLI bundle of a checkout into its dist/. */
function build(dir) {
  execFileSync(process.execPath, ['esbuild.js'], { cwd: dir, stdio: 'ignore' });
  return join(dir, 'dist', 'cli.js');
}

const before = mkdtempSync(join(tmpdir(), 'gkreport-compare-'));
try {
  execFileSync('git', ['worktree', 'add', '--detach', '-q', before, revision], { cwd: root });
  symlinkSync(join(root, 'node_modules'), join(before, 'node_modules'));
  const oldCli = build(before);
  const newCli = build(root);
  const fixtures = ['seeds', 'real', 'pairs'].map((d) => join('test', 'fixtures', d));
  const files = fixtures.flatMap((d) =>
    readdirSync(join(root, d))
      .filter((n) => /\.(txt|md)$/.test(n) && n !== 'README.md')
      .sort()
      .map((n) => join(d, n)),
  );
  const runs = [
    ...files.flatMap((f) => [['--format', 'json', f], ['--format', 'json', '--locale', 'en', f]]),
    ...fixtures.map((d) => ['--format', 'json', d]),
    ['--format', 'json', 'test/fixtures'],
    ['--format', 'sarif', 'test/fixtures'],
    ['test/fixtures'],
    ['--locale', 'en', 'test/fixtures'],
  ];
  // Both run on the working tree's fixtures, so only the code differs.
  const run = (cli, args) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  let same = 0;
  const differ = [];
  for (const args of runs) {
    const a = run(oldCli, args);
    const b = run(newCli, args);
    if (a.stdout === b.stdout && a.status === b.status) same++;
    else differ.push(args.join(' '));
  }
  const english = differ.filter((d) => d.includes('--locale en'));
  console.log(`compare-cli: ${runs.length} runs over ${files.length} fixture files, ${revision} → working tree`);
  console.log(`  identical: ${same}`);
  console.log(`  different: ${differ.length} (${english.length} of them English output)`);
  for (const d of differ) console.log(`    ${d}`);
  process.exitCode = differ.length - english.length > 0 ? 1 : 0;
} finally {
  if (existsSync(before)) {
    execFileSync('git', ['worktree', 'remove', '--force', before], { cwd: root });
    rmSync(before, { recursive: true, force: true });
  }
}
