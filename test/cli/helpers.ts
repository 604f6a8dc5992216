// Shared by the CLI tests: run the built checker, make temporary reports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after } from 'node:test';
import type { JsonDiagnostic } from '../../server/src/cli/format';

export const root = resolve(__dirname, '..', '..');
export const cliPath = join(root, 'dist', 'cli.js');
export const seedsDir = join(root, 'test', 'fixtures', 'seeds');
export const realDir = join(root, 'test', 'fixtures', 'real');
export const seed = (name: string) => join(seedsDir, name);
export const SEED_CLEAN = seed('000_62a988e64cb0ac5c.txt');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js …args` (build first: `npm run build`). */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run npm run build first`);
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? root,
    env: options.env ?? process.env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The JSON output's diagnostic shape, as the CLI declares it. */
export type { JsonDiagnostic };

export interface JsonFile {
  file: string;
  diagnostics: JsonDiagnostic[];
  /** Why the file could not be read (then it has no diagnostics). */
  notification?: string;
}

/** Runs the checker with `--format json` and parses what it prints. */
export function runJson(args: string[]): { run: CliRun; files: JsonFile[] } {
  const run = runCli(['--format', 'json', ...args]);
  return { run, files: JSON.parse(run.stdout) as JsonFile[] };
}

export function hasError(files: readonly JsonFile[]): boolean {
  return files.some((f) => f.diagnostics.some((d) => d.severity === 'error'));
}

/** A temporary folder, removed when the test file finishes. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gkreport-test-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function writeTemp(dir: string, name: string, content: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

export const readText = (file: string) => readFileSync(file, 'utf8');

/** Replaces exactly one occurrence of `from` (fails loudly if the fixture changed). */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`expected exactly one "${from}" in the fixture`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
