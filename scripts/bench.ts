// The benchmark: `npm run bench` (bundles dist/ first). Prints one table per measure; every time is
// the median of repeated runs after warm-up, on this machine as it is (other work on it adds noise).
//
// Run with tsx on the TypeScript sources: the core timings are of the same code the tests exercise,
// tsx compiles each file once at load (outside every timed run), and the steady-state JIT code is
// the same as the bundle's. The LSP and CLI figures use the built bundles (dist/server.js, dist/cli.js),
// as an editor and an evaluator run them.
//
//   npm run bench                 everything
//   npm run bench -- core lsp     only some sections: core, linear, lsp, bundle, cli, import
//   GKREPORT_SERVER=path npm run bench -- lsp    the LSP figures of another server bundle
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { check, displayWidth } from '../server/src/core';
import { generateReport, generateShaped, randomSource, type TextShape } from './gen-report';
import { retainedBy } from './measure';
import { startServer } from './lsp-client';
import { benchImport } from './bench-import';

const root = resolve(__dirname, '..');
const sections = process.argv.slice(2);
const wanted = (name: string) => sections.length === 0 || sections.includes(name);

// ── measuring ────────────────────────────────────────────────────────────

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

interface Timing {
  /** Median wall-clock time of one run, ms. */
  wall: number;
  /** Median CPU time (user + system) of one run, ms: steadier than wall time on a busy machine. */
  cpu: number;
}

/** Times fn: warm-up for ~¼ of the budget, then at least 5 runs and up to the budget; medians. */
function timeIt(fn: () => void, budgetMs = 600): Timing {
  const warmEnd = performance.now() + budgetMs / 4;
  let warm = 0;
  do {
    fn();
    warm++;
  } while (performance.now() < warmEnd && warm < 20);
  const walls: number[] = [];
  const cpus: number[] = [];
  const end = performance.now() + budgetMs;
  while (walls.length < 5 || (performance.now() < end && walls.length < 500)) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    fn();
    walls.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

const ms = (x: number) => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));
const kb = (bytes: number) => (bytes / 1024).toFixed(bytes < 10240 ? 1 : 0);

function printTable(headers: string[], rows: (string | number)[][]): void {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => displayWidth(r[i]))));
  const pad = (s: string, w: number, right: boolean) => {
    const len = displayWidth(s);
    return right ? ' '.repeat(w - len) + s : s + ' '.repeat(w - len);
  };
  const line = (r: string[]) => '| ' + r.map((c, i) => pad(c, widths[i], i > 0)).join(' | ') + ' |';
  console.log(line(headers));
  console.log('|' + widths.map((w, i) => (i > 0 ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') + '|');
  for (const r of cells.slice(1)) console.log(line(r));
  console.log();
}

// ── texts ────────────────────────────────────────────────────────────────

function corpus(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const dir of ['seeds', 'real']) {
    const folder = join(root, 'test', 'fixtures', dir);
    for (const f of readdirSync(folder).sort()) {
      if (f === 'README.md') continue;
      out.push({ name: `${dir}/${f.replace(/\.(txt|md)$/, '')}`, text: readFileSync(join(folder, f), 'utf8') });
    }
  }
  return out;
}

const GENERATED = [
  { name: 'generated 100 KB', bytes: 100 * 1024 },
  { name: 'generated 1 MB', bytes: 1024 * 1024 },
  { name: 'generated 5 MB', bytes: 5 * 1024 * 1024 },
];

/** The floor: split into lines, then one pass of a number regex over each line. */
const NUMBER = /[0-9０-９]+/g;
function floor(text: string): number {
  let count = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    NUMBER.lastIndex = 0;
    while (NUMBER.exec(line)) count++;
  }
  return count;
}

// ── core ─────────────────────────────────────────────────────────────────

/** markdownlint grows faster than linearly on these texts (a 300 KB report takes tens of seconds): past this size it is not run. */
const MARKDOWNLINT_MAX_BYTES = 200 * 1024;
/** A run slower than this is measured once, not repeated. */
const SINGLE_RUN_MS = 1500;

async function benchCore(): Promise<void> {
  const { lint } = await import('markdownlint/sync');
  const texts = [...corpus(), ...GENERATED.map((g) => ({ name: g.name, text: generateReport(g.bytes) }))];
  // Warm-up across all the reports first: the compiler settles after some hundreds of checks, and the
  // first text measured should not pay for it.
  const warmUntil = performance.now() + 3000;
  for (let i = 0; performance.now() < warmUntil; i++) check(texts[i % (texts.length - GENERATED.length)].text);
  const rows: (string | number)[][] = [];
  const corpusTimes: Timing[] = [];
  const notes: string[] = [];
  for (const { name, text } of texts) {
    const bytes = Buffer.byteLength(text);
    const big = text.length > 200_000;
    const ours = timeIt(() => check(text), big ? 4000 : 600);
    const base = timeIt(() => floor(text), big ? 1000 : 300);
    let mdl: Timing | undefined;
    if (bytes <= MARKDOWNLINT_MAX_BYTES) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      lint({ strings: { doc: text } });
      const used = process.cpuUsage(cpu);
      const once = { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
      mdl = once.wall > SINGLE_RUN_MS ? once : timeIt(() => lint({ strings: { doc: text } }), 600);
      if (once.wall > SINGLE_RUN_MS) notes.push(`markdownlint on ${name}: one run (${ms(once.wall)} ms), not repeated.`);
    }
    if (!name.startsWith('generated')) corpusTimes.push(ours);
    process.stderr.write(`  ${name}: ${ms(ours.wall)} ms\n`);
    rows.push([
      name,
      kb(bytes),
      ms(ours.wall),
      ms(ours.cpu),
      ms(base.cpu),
      (ours.cpu / base.cpu).toFixed(1),
      mdl === undefined ? 'not run' : ms(mdl.cpu),
      mdl === undefined ? '—' : (ours.cpu / mdl.cpu).toFixed(3),
      ms(ours.cpu / (bytes / 1024 / 1024)),
    ]);
  }
  console.log('## Full check (core `check`: parse + all rules), floor, markdownlint — medians, ms\n');
  console.log('Wall = elapsed time; CPU = user + system time of this process for the run (GC threads included),');
  console.log('steadier when other work shares the cores. Ratios and ms/MB are of CPU times.\n');
  printTable(['text', 'KB', 'check wall', 'check CPU', 'floor CPU', '× floor', 'markdownlint CPU', '× markdownlint', 'check CPU ms/MB'], rows);
  for (const key of ['wall', 'cpu'] as const) {
    const xs = corpusTimes.map((t) => t[key]);
    console.log(`Seeds and real reports, check ${key === 'wall' ? 'wall' : 'CPU'} time: median ${ms(median(xs))} ms, max ${ms(Math.max(...xs))} ms.`);
  }
  console.log(`markdownlint (all default rules) is not run above ${MARKDOWNLINT_MAX_BYTES / 1024} KB: it grows faster than linearly on these texts.`);
  for (const n of notes) console.log(n);
  console.log();
}

// ── linear ───────────────────────────────────────────────────────────────

const SHAPES: { shape: TextShape; name: string }[] = [
  { shape: 'normal', name: 'normal (gen-report)' },
  { shape: 'prose', name: 'prose-heavy' },
  { shape: 'headings', name: 'heading-heavy' },
  { shape: 'tables', name: 'table-heavy' },
];
/** 64 KB and 1 MB, and 4 MB to show where the per-KB time settles once the old generation is collected too. */
const LINEAR_SIZES = [64 * 1024, 1024 * 1024, 4 * 1024 * 1024];

function benchLinear(): void {
  const rows: (string | number)[][] = [];
  // Warm-up over all four shapes first, so the first text measured does not pay for the compiler.
  const small = SHAPES.map(({ shape }) => generateShaped(shape, LINEAR_SIZES[0]));
  const warmUntil = performance.now() + 3000;
  for (let i = 0; performance.now() < warmUntil; i++) check(small[i % small.length]);
  for (const { shape, name } of SHAPES) {
    const perKb: number[] = [];
    for (const bytes of LINEAR_SIZES) {
      const text = generateShaped(shape, bytes);
      const size = Buffer.byteLength(text);
      check(text); // warm-up on this very text
      const t = timeIt(() => check(text), bytes > 2_000_000 ? 6000 : bytes > 100_000 ? 3000 : 800);
      // The median of three: a collection inside one run may free what an earlier run left behind.
      const retained = median([0, 1, 2].map(() => retainedBy(() => check(text))));
      perKb.push(t.cpu / (size / 1024));
      process.stderr.write(`  ${name} ${kb(size)} KB: ${ms(t.cpu)} ms CPU\n`);
      rows.push([name, kb(size), ms(t.wall), ms(t.cpu), (t.cpu / (size / 1024)).toFixed(3), (retained / 1048576).toFixed(1), (retained / size).toFixed(1)]);
    }
    rows.push([`${name}: 1 MB ÷ 64 KB, per KB`, '', '', '', (perKb[1] / perKb[0]).toFixed(2), '', '']);
    rows.push([`${name}: 4 MB ÷ 1 MB, per KB`, '', '', '', (perKb[2] / perKb[1]).toFixed(2), '', '']);
  }
  console.log('## Linear in everything: check time and retained heap per input size — medians\n');
  console.log('Generated by scripts/gen-report.ts (`generateShaped`): a normal report, prose dense in counts and');
  console.log('percentages, headings and little else, table rows and little else. Linear means the same ms/KB at');
  console.log('1 MB as at 64 KB (ratio about 1 or below); a 64 KB text is collected in the young generation alone,');
  console.log('so 4 MB ÷ 1 MB shows the steady rate. Retained = heap still held by the result of `check` (model');
  console.log('and findings) after a full garbage collection.\n');
  printTable(['text', 'KB', 'check wall ms', 'check CPU ms', 'CPU ms/KB', 'retained MB', 'retained bytes per input byte'], rows);
}

// ── LSP ──────────────────────────────────────────────────────────────────

/** Offsets of the digit runs inside table cells (`| 12 |`) of a text: where the single-cell edits go. */
function cellNumbers(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\| (\d{1,6}) (?=\|)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index + 2, end: m.index + 2 + m[1].length });
  return out;
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

async function benchLsp(): Promise<void> {
  const text = generateReport(10 * 1024, 7);
  const uri = 'file:///bench/report.gkreport';
  const started = performance.now();
  const client = await startServer({ serverPath: process.env.GKREPORT_SERVER || undefined, initializationOptions: { settings: { debounce: 0 } } });
  try {
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'gkreport', version: 1, text } });
    await client.diagnostics(uri, 1);
    const startup = performance.now() - started;

    // 200 single-cell edits, each waited for: change sent → diagnostics of that version received.
    let current = text;
    const next = randomSource(3);
    const latencies: number[] = [];
    for (let version = 2; version < 202; version++) {
      const cells = cellNumbers(current);
      const cell = cells[Math.floor(next() * cells.length)];
      const value = String(Math.floor(next() * 100));
      const range = { start: positionAt(current, cell.start), end: positionAt(current, cell.end) };
      current = current.slice(0, cell.start) + value + current.slice(cell.end);
      const from = client.received.length;
      const sent = performance.now();
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: value }] });
      await client.diagnostics(uri, version, from);
      latencies.push(client.arrivals[client.arrivals.length - 1] - sent);
    }
    const memory = client.memory();
    console.log(`## Language server (${process.env.GKREPORT_SERVER || 'dist/server.js'} over stdio)\n`);
    printTable(
      ['measure', 'value'],
      [
        ['document', `generated, ${kb(Buffer.byteLength(text))} KB, ${cellNumbers(text).length} number cells`],
        ['start → first diagnostics', `${ms(startup)} ms`],
        ['didChange → diagnostics p50 (200 single-cell edits)', `${ms(median(latencies))} ms`],
        ['didChange → diagnostics p95', `${ms(percentile(latencies, 95))} ms`],
        ['didChange → diagnostics max', `${ms(Math.max(...latencies))} ms`],
        ['server peak RSS (VmHWM)', `${(memory.peak / 1048576).toFixed(1)} MB`],
      ],
    );
    console.log(
      'The edits are sent with initializationOptions.settings.debounce = 0. A server that ignores it\n' +
        '(the placeholder: fixed 200 ms) shows its debounce in these latencies; nothing is subtracted.\n',
    );
  } finally {
    await client.shutdown();
  }
}

// ── bundles ──────────────────────────────────────────────────────────────

function bundleSizes(dir: string): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.js')) sizes.set(f, statSync(join(dir, f)).size);
  return sizes;
}

function benchBundles(): void {
  const dev = bundleSizes(join(root, 'dist'));
  // The production build runs in a scratch folder (symlinks to the sources) so dist/ stays as built.
  const scratch = mkdtempSync(join(tmpdir(), 'gkreport-bundle-'));
  try {
    for (const entry of ['client', 'server', 'node_modules', 'package.json', 'tsconfig.json']) symlinkSync(join(root, entry), join(scratch, entry));
    cpSync(join(root, 'esbuild.js'), join(scratch, 'esbuild.js'));
    execFileSync(process.execPath, ['esbuild.js', '--production'], { cwd: scratch, stdio: 'ignore' });
    const prod = bundleSizes(join(scratch, 'dist'));
    console.log('## Bundle sizes (dist/)\n');
    printTable(
      ['bundle', 'development KB', 'production KB'],
      [...dev.keys()].map((f) => [f, kb(dev.get(f)!), prod.has(f) ? kb(prod.get(f)!) : '—']),
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// ── CLI ──────────────────────────────────────────────────────────────────

/**
 * CPU time (user + system, ms) of this process's children that have ended, from /proc/self/stat
 * (cutime, cstime in clock ticks of 10 ms); undefined where there is no /proc.
 */
function childCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of the line (cutime, cstime) are 13 and 14 after the name.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * Runs a command `runs` times (`before` each time, untimed): median wall and CPU time (all threads), ms.
 * Exit codes 0 and 1 are a normal end.
 */
function timeCommand(command: string, args: string[], cwd: string, runs: number, before: () => void = () => {}): Timing {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let run = 0; run < runs; run++) {
    before();
    const cpu = childCpuMs();
    const start = performance.now();
    const result = spawnSync(command, args, { cwd, maxBuffer: 1 << 30, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    walls.push(performance.now() - start);
    const after = childCpuMs();
    if (cpu !== undefined && after !== undefined) cpus.push(after - cpu);
    if (result.status !== 0 && result.status !== 1) throw new Error(`${[command, ...args].join(' ')} failed (${result.status}): ${result.stderr}`);
  }
  return { wall: median(walls), cpu: cpus.length > 0 ? median(cpus) : NaN };
}

/**
 * The core check's median time per report over the seeds and real reports (warm; CPU and wall), in
 * rounds: the lowest round's median, and every round's. A busy spell on this shared machine slows a whole
 * round (every report alike, up to 2×), so the lowest round is the check's own time.
 */
function coreMedian(rounds = 3): Timing & { rounds: number[] } {
  const texts = corpus();
  const warmUntil = performance.now() + 2000;
  for (let i = 0; performance.now() < warmUntil; i++) check(texts[i % texts.length].text);
  const results = Array.from({ length: rounds }, () => {
    const timings = texts.map(({ text }) => timeIt(() => check(text), 300));
    return { wall: median(timings.map((t) => t.wall)), cpu: median(timings.map((t) => t.cpu)) };
  });
  const best = results.reduce((a, b) => (b.wall < a.wall ? b : a));
  return { ...best, rounds: results.map((r) => r.wall) };
}

/**
 * Where a fresh process's time goes over the first set: starting and loading the CLI (a run over one
 * file), and the core check's first pass over the reports (the JIT still compiling) against a warm pass.
 */
function freshProcess(cli: string, folder: string, dir: string): string[] {
  const first = readdirSync(join(folder, dir)).sort()[0];
  const bare = timeCommand(process.execPath, ['-e', '0'], folder, CLI_RUNS);
  const one = timeCommand(process.execPath, [cli, '--format', 'json', join(dir, first)], folder, CLI_RUNS);
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const passes = Array.from({ length: CLI_RUNS }, () => JSON.parse(execFileSync(tsx, [join(root, 'scripts', 'bench-fresh.ts'), join(folder, dir)], { encoding: 'utf8' })) as { first: number; warm: number });
  const firstPass = median(passes.map((p) => p.first));
  const warmPass = median(passes.map((p) => p.warm));
  // Without the JIT's warm-up, a run would still start the process and load the CLI, then check every report warm.
  const warmFloor = one.wall + warmPass * (CLI_FILES - 1);
  const threads = threadCpu(cli, folder, dir);
  return [
    `Where a fresh process's time goes (first set, one thread): Node alone starts in ${ms(bare.wall)} ms` +
      `${process.env.NODE_EXTRA_CA_CERTS ? ' (NODE_EXTRA_CA_CERTS is set: Node reads those certificates at every start)' : ''}; ` +
      `starting Node and the CLI and checking one file takes ${ms(one.wall)} ms wall (${ms(one.cpu)} ms CPU);`,
    `the core check (parse + all rules, no fixes) over the ${CLI_FILES.toLocaleString('en')} reports takes ${firstPass.toFixed(2)} ms per report on the process's first pass, ` +
      `${warmPass.toFixed(2)} ms on a second, warm pass over the same reports (${(firstPass / warmPass).toFixed(1)}×: until V8 has compiled the hot code, it runs unoptimised);`,
    `even if every report were checked warm, a run would take at least ${ms(warmFloor)} ms before reading files and writing output (${(CLI_FILES / (warmFloor / 1000)).toFixed(0)} reports/s at most);`,
    threads === undefined
      ? 'CPU time by thread: not measured (no /proc).'
      : `CPU time by thread in one run: the main thread (the CLI's JavaScript) ${ms(threads.main)} ms, V8's and libuv's helper threads (optimising compiler, garbage collector, file I/O) ${ms(threads.helpers)} ms.`,
  ];
}

/** Median CPU time of the main thread and of all other threads over runs of the CLI on a folder (scripts/bench-threads.cjs); undefined without /proc. */
function threadCpu(cli: string, folder: string, dir: string): { main: number; helpers: number } | undefined {
  if (!existsSync('/proc/self/task')) return undefined;
  const runs = Array.from({ length: CLI_RUNS }, () => {
    const run = spawnSync(process.execPath, ['-r', join(root, 'scripts', 'bench-threads.cjs'), cli, '--format', 'json', dir], { cwd: folder, maxBuffer: 1 << 30, encoding: 'utf8' });
    const line = run.stderr.split('\n').find((l) => l.startsWith('gkreport-bench-threads '));
    if (!line) throw new Error(`no thread times from the CLI run: ${run.stderr}`);
    const [main, ...helpers] = JSON.parse(line.slice('gkreport-bench-threads '.length)) as number[];
    return { main, helpers: helpers.reduce((a, b) => a + b, 0) };
  });
  return { main: median(runs.map((r) => r.main)), helpers: median(runs.map((r) => r.helpers)) };
}

const CLI_FILES = 1000;
const CLI_RUNS = 3;

function benchCli(): void {
  const folder = mkdtempSync(join(tmpdir(), 'gkreport-cli-bench-'));
  try {
    // 1,000 seed-sized reports two ways: the seeds and real reports as they are, and each copy with
    // about one number in ten changed (many more findings: the JSON output is ten times larger).
    const texts = corpus().map((c) => c.text);
    const next = randomSource(11);
    const sets = [
      { name: 'as they are', dir: 'plain', text: (i: number) => texts[i % texts.length] },
      { name: '1 number in 10 changed', dir: 'changed', text: (i: number) => texts[i % texts.length].replace(/\d+/g, (d) => (next() < 0.1 ? String(Math.floor(next() * 100)) : d)) },
    ];
    const cli = join(root, 'dist', 'cli.js');
    const mdl = join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
    // markdownlint-cli2 finds no configuration of ours in the scratch folder: it runs its default rules.
    writeFileSync(join(folder, '.markdownlint-cli2.jsonc'), '{}');
    const rows: string[][] = [];
    let fresh: string[] = [];
    for (const set of sets) {
      mkdirSync(join(folder, set.dir));
      let bytes = 0;
      for (let i = 0; i < CLI_FILES; i++) {
        const text = set.text(i);
        bytes += Buffer.byteLength(text);
        writeFileSync(join(folder, set.dir, `report-${String(i).padStart(4, '0')}.txt`), text);
      }
      const out = spawnSync(process.execPath, [cli, '--format', 'json', set.dir], { cwd: folder, maxBuffer: 1 << 30 });
      const outputMb = (out.stdout.length / 1048576).toFixed(1);
      const mdlTime = timeCommand(process.execPath, [mdl, `${set.dir}/*.txt`], folder, CLI_RUNS);
      const mdlRate = CLI_FILES / (mdlTime.wall / 1000);
      const row = (command: string, t: Timing, rate: number) => [
        `${set.name} (${(bytes / 1048576).toFixed(1)} MB in, ${outputMb} MB JSON out)`,
        command,
        `${(t.wall / 1000).toFixed(2)} s`,
        `${(t.cpu / 1000).toFixed(2)} s`,
        rate.toFixed(0),
        (rate / mdlRate).toFixed(2),
      ];
      for (const jobs of [undefined, 1, 2]) {
        const args = [cli, '--format', 'json', ...(jobs === undefined ? [] : ['--jobs', String(jobs)]), set.dir];
        const t = timeCommand(process.execPath, args, folder, CLI_RUNS);
        rows.push(row(`gkreport --format json${jobs === undefined ? '' : ` --jobs ${jobs}`} <folder>`, t, CLI_FILES / (t.wall / 1000)));
      }
      // --cache: a first run (no cache file yet), then runs over the same files (every entry used).
      const cache = join(folder, `${set.dir}.cache`);
      const cached = [cli, '--format', 'json', '--cache-location', cache, set.dir];
      const emptyCache = timeCommand(process.execPath, cached, folder, CLI_RUNS, () => rmSync(cache, { force: true }));
      rows.push(row('gkreport --format json --cache <folder>, no cache file yet', emptyCache, CLI_FILES / (emptyCache.wall / 1000)));
      const fullCache = timeCommand(process.execPath, cached, folder, CLI_RUNS);
      rows.push(row('gkreport --format json --cache <folder>, run again (files unchanged)', fullCache, CLI_FILES / (fullCache.wall / 1000)));
      rows.push(row('markdownlint-cli2 "<folder>/*.txt"', mdlTime, mdlRate));
      if (set.dir === 'plain') fresh = freshProcess(cli, folder, set.dir);
    }
    console.log(`## CLI throughput: ${CLI_FILES.toLocaleString('en')} reports, median of ${CLI_RUNS} runs (process start included)\n`);
    console.log('CPU = user + system time of the process and all its threads; reports/s and the ratio are of wall time.\n');
    printTable(['reports', 'command', 'wall time', 'CPU time', 'reports/s', '× markdownlint-cli2'], rows);
    console.log(fresh.join('\n') + '\n');
    const core = coreMedian();
    console.log(
      `Core check (parse + all rules) per typical report, seeds and real reports, warm: median ${ms(core.wall)} ms wall, ${ms(core.cpu)} ms CPU ` +
        `(the lowest of ${core.rounds.length} rounds: ${core.rounds.map(ms).join(', ')} ms).`,
    );
    console.log('The default --jobs is 2 from 64 files on when four cores are free by the load average, else 1 (defaultJobs in server/src/cli/run.ts).\n');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const os = await import('node:os');
  const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`# gkreport benchmark — ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} cores, load average ${load()}\n`);
  if (wanted('core')) await benchCore();
  if (wanted('linear')) benchLinear();
  if (wanted('lsp')) await benchLsp();
  if (wanted('bundle')) benchBundles();
  if (wanted('cli')) benchCli();
  if (wanted('import')) await benchImport(printTable);
  console.log(`Load average at the end: ${load()} (other work on the machine makes every time noisy).`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
