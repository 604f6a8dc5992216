// Preloaded (node -r) into one CLI run by `npm run bench` (cli section): at exit, prints the CPU time
// of each of the process's threads (ms, user + system) as one JSON line on stderr, from /proc. The
// first thread is the main thread (the CLI's JavaScript); the others are V8's and libuv's helpers
// (the optimising compiler, the garbage collector's parallel tasks, file I/O).
const { readdirSync, readFileSync } = require('node:fs');

process.on('exit', () => {
  const threads = [];
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // Fields 14 and 15 (utime, stime, clock ticks of 10 ms) are 12 and 13 after the name.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    threads.push({ tid: Number(tid), cpu: (Number(fields[11]) + Number(fields[12])) * 10 });
  }
  threads.sort((a, b) => a.tid - b.tid);
  process.stderr.write(`gkreport-bench-threads ${JSON.stringify(threads.map((t) => t.cpu))}\n`);
});
