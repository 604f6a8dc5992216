// gkreport — the command-line checker. See `gkreport --help`; the work is done in ./cli/run.
// The same script is the entry of the worker threads that check files in parallel (--jobs).
import { setFlagsFromString } from 'node:v8';
import { run } from './cli/run';
import { isCheckWorker, serveChecks } from './cli/parallel';

// A run of the CLI is short: over 1,000 reports, V8 spends about half its time optimizing (TurboFan)
// before the code is fast, and most of that inlining big functions into each other. Less inlining
// makes a 1,000-report run about a fifth cheaper and the steady state no slower (measured with
// scripts/bench.ts). Set before any code is hot; V8 flags hold for the worker threads too.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=100');

if (isCheckWorker()) serveChecks();
else {
  // Over a file-size limit (ulimit -f), a write fails with EFBIG instead of killing the process: the
  // temporary file is removed and the original report stays as it was.
  process.on('SIGXFSZ', () => {});
  // `gkreport … | head` closes the pipe early: stop quietly instead of printing a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

  void run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
  }).then((code) => (process.exitCode = code));
}
