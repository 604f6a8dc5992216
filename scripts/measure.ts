// Measuring what a run keeps in memory, for the benchmark and the linearity tests: the garbage
// collector is reached without --expose-gc on the command line.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The garbage collector. */
export function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Heap still used after a full collection while what `keep` returns is held alive, in bytes. */
export function retainedBy(keep: () => unknown): number {
  const gc = collector();
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const held = keep();
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (held === undefined) throw new Error('retainedBy: nothing held');
  return Math.max(0, after - before);
}

/** CPU time (user + system) of one run of fn, in ms: steadier than wall time on a busy machine. */
export function cpuTime(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
