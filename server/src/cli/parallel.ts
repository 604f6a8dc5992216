// Checking many files on worker threads (`--jobs`): the CLI bundle is its own worker entry.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { check } from '../core/engine';
import type { Finding } from '../core/types';

/** Marks a worker started by checkInWorkers, so the entry script knows what to do. */
const WORKER_TAG = 'gkreport-check';
interface WorkerInput {
  tag: typeof WORKER_TAG;
  texts: string[];
}

/** A text's findings, or why checking it failed (a fault in a rule: reported with the file's name). */
export type CheckOutcome = { findings: Finding[] } | { error: string };

function checkOne(text: string): CheckOutcome {
  try {
    return { findings: check(text).findings };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** True in a worker started by checkInWorkers: it checks its share and reports back. */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as WorkerInput | undefined)?.tag === WORKER_TAG;
}

export function serveChecks(): void {
  const { texts } = workerData as WorkerInput;
  parentPort!.postMessage(texts.map(checkOne));
}

function runWorker(entry: string, texts: string[]): Promise<CheckOutcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: { tag: WORKER_TAG, texts } satisfies WorkerInput });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`worker exited with code ${code}`))); // after a message this is a no-op
  });
}

/**
 * What checking each text found, in input order, checked on `jobs` threads (`entry` is the script a worker
 * runs: the CLI itself). Texts are dealt round-robin so large and small files spread evenly.
 */
export async function checkInWorkers(texts: string[], jobs: number, entry: string): Promise<CheckOutcome[]> {
  const n = Math.min(jobs, texts.length);
  if (n <= 1) return texts.map(checkOne);
  const shares = Array.from({ length: n }, (_, w) => texts.map((_, i) => i).filter((i) => i % n === w));
  const results = await Promise.all(shares.map((share) => runWorker(entry, share.map((i) => texts[i]))));
  const out: CheckOutcome[] = new Array(texts.length);
  shares.forEach((share, w) => share.forEach((i, k) => (out[i] = results[w][k])));
  return out;
}
