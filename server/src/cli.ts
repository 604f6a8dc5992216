// gkreport — the command-line checker. See `gkreport --help`; the work is done in ./cli/run.
// The same script is the entry of the worker threads that check files in parallel (--jobs).
import { run } from './cli/run';
import { isCheckWorker, serveChecks } from './cli/parallel';

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
  }).then((code) => (process.exitCode = code));
}
