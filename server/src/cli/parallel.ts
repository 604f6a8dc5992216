// Checking the CLI's inputs together: each report is compared with the same agency's report for
// the year before when it is among the inputs (group X). With --jobs the work runs on the main thread
// and worker threads (the CLI bundle is its own worker entry), each with a share of the inputs dealt
// round-robin: each thread reads, parses and checks its share and says who each report is (agency,
// year); the main thread pairs the reports across all shares and tells each worker which previous-year
// reports its reports compare with (reading those another thread had); each thread then finishes its
// reports and writes their pieces of the output. One thread does the very same steps (share.ts) alone.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { CheckOptions, OtherReport, ReportModel } from '../core';
import { Share, type FileOutcome, type LoadOutcome, type ShareSettings, type WorkItem } from './share';

type Parsed = ReportModel | { error: string };

/** The options a report is checked with: the reports it compares with as its workspace. */
export function optionsFor(previous: readonly number[], fileOf: (j: number) => string, modelOf: (j: number) => Parsed): CheckOptions {
  const workspace: OtherReport[] = [];
  for (const j of previous) {
    const model = modelOf(j);
    if (!('error' in model)) workspace.push({ file: fileOf(j), model });
  }
  return { workspace };
}

/** The two steps of a run, on this thread or on workers. */
export interface Runner {
  /** Step 1 for every input; `onDone` hears how many inputs are done in all. */
  load(onDone: (done: number) => void): Promise<LoadOutcome[]>;
  /** Step 2, given each input's previous-year reports (positions). */
  finish(previous: readonly (readonly number[])[]): Promise<FileOutcome[]>;
  /** Ends the workers, if any. */
  close(): void;
}

/** Which previous-year reports the reports of a share compare with. */
function previousOf(items: readonly WorkItem[], previous: readonly (readonly number[])[]): Map<number, readonly number[]> {
  const map = new Map<number, readonly number[]>();
  for (const item of items) if (previous[item.position]?.length) map.set(item.position, previous[item.position]);
  return map;
}

/** Every input on this thread. */
export function runHere(items: readonly WorkItem[], settings: ShareSettings): Runner {
  const share = new Share(items, settings);
  return {
    load: (onDone) => share.load(onDone),
    finish: (previous) => share.finish(previousOf(items, previous)),
    close: () => {},
  };
}

/** Marks a worker started by runOnWorkers, so the entry script knows what to do. */
const WORKER_TAG = 'gkreport-check';
interface WorkerInput {
  tag: typeof WORKER_TAG;
  items: WorkItem[];
  settings: ShareSettings;
}
type ToWorker = { type: 'finish'; previous: [number, readonly number[]][]; extra: WorkItem[] };
type FromWorker = { type: 'progress'; done: number } | { type: 'loaded'; outcomes: LoadOutcome[] } | { type: 'finished'; outcomes: FileOutcome[] };

/** Progress messages a worker sends at most this often (ms). */
const PROGRESS_MS = 50;

/** True in a worker started by runOnWorkers: it works on its share and reports back. */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as WorkerInput | undefined)?.tag === WORKER_TAG;
}

export function serveChecks(): void {
  const { items, settings } = workerData as WorkerInput;
  const share = new Share(items, settings);
  const post = (message: FromWorker) => parentPort!.postMessage(message);
  let last = 0;
  void share
    .load((done) => {
      const now = performance.now();
      if (now - last < PROGRESS_MS) return;
      last = now;
      post({ type: 'progress', done });
    })
    .then((outcomes) => post({ type: 'loaded', outcomes }));
  parentPort!.once('message', (message: ToWorker) => {
    void share.finish(new Map(message.previous), message.extra).then((outcomes) => {
      // The pieces go as UTF-8 bytes whose memory moves to the main thread rather than being copied
      // (the summary page's parts stay text: the main thread reads them). TextEncoder gives each piece
      // its own buffer (Buffer.from may hand out a slice of a shared pool, which must not move).
      const transfer: ArrayBuffer[] = [];
      if (settings.format !== 'html') {
        const encoder = new TextEncoder();
        for (const outcome of outcomes) {
          if (typeof outcome.piece !== 'string' || outcome.piece === '') continue;
          const bytes = encoder.encode(outcome.piece);
          outcome.piece = bytes;
          transfer.push(bytes.buffer as ArrayBuffer);
        }
      }
      parentPort!.postMessage({ type: 'finished', outcomes } satisfies FromWorker, transfer);
    });
  });
}

/** A worker whose messages are awaited one at a time; progress goes to its own listener. */
class CheckWorker {
  private readonly worker: Worker;
  private readonly queue: FromWorker[] = [];
  private waiting: { resolve: (message: FromWorker) => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;
  done = 0;

  constructor(entry: string, data: WorkerInput, onProgress: () => void) {
    this.worker = new Worker(entry, { workerData: data });
    this.worker.on('message', (message: FromWorker) => {
      if (message.type === 'progress') {
        this.done = message.done;
        onProgress();
      } else if (this.waiting) this.settle((w) => w.resolve(message));
      else this.queue.push(message);
    });
    this.worker.once('error', (error) => this.fail(error));
    this.worker.once('exit', (code) => this.fail(new Error(`worker exited with code ${code}`)));
  }

  next<T extends FromWorker['type']>(type: T): Promise<Extract<FromWorker, { type: T }>> {
    const check = (message: FromWorker) => {
      if (message.type !== type) throw new Error(`worker sent ${message.type}, expected ${type}`);
      return message as Extract<FromWorker, { type: T }>;
    };
    if (this.queue.length > 0) return Promise.resolve(this.queue.shift()!).then(check);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<FromWorker>((resolve, reject) => (this.waiting = { resolve, reject })).then(check);
  }

  send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  terminate(): void {
    void this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    if (this.waiting) this.settle((w) => w.reject(error));
  }

  private settle(action: (w: NonNullable<CheckWorker['waiting']>) => void): void {
    const waiting = this.waiting!;
    this.waiting = undefined;
    action(waiting);
  }
}

/** Puts results of the shares back in input order. */
function inOrder<T extends { position: number }>(parts: readonly (readonly T[])[]): T[] {
  return parts.flat().sort((a, b) => a.position - b.position);
}

/**
 * The inputs on `jobs` threads, dealt round-robin so large and small files spread evenly: the first
 * share on this thread, which would otherwise only wait, each other on a worker (`entry` is the script
 * a worker runs: the CLI itself). Every thread loads the code and warms up its compiler: one worker
 * fewer is that much less work.
 */
export function runOnWorkers(items: readonly WorkItem[], settings: ShareSettings, jobs: number, entry: string): Runner {
  const n = Math.min(jobs, items.length);
  if (n <= 1) return runHere(items, settings);
  const shares = Array.from({ length: n }, (_, w) => items.filter((_, i) => i % n === w));
  const here = new Share(shares[0], settings);
  let doneHere = 0;
  let onDone: (done: number) => void = () => {};
  const progress = () => onDone(workers.reduce((sum, w) => sum + w.done, doneHere));
  // Started first, so they load while this thread works on its share.
  const workers = shares.slice(1).map((share) => new CheckWorker(entry, { tag: WORKER_TAG, items: share, settings }, progress));
  const byPosition = new Map(items.map((item) => [item.position, item]));
  /** What a share's thread lacks to finish: its reports' previous-year reports, and those another thread loaded. */
  const finishing = (share: readonly WorkItem[], previous: readonly (readonly number[])[]) => {
    const own = new Set(share.map((item) => item.position));
    const mine = previousOf(share, previous);
    const lacking = [...new Set([...mine.values()].flat())].filter((j) => !own.has(j));
    return { mine, extra: lacking.map((j) => byPosition.get(j)!) };
  };
  return {
    async load(listener) {
      onDone = listener;
      const loadedHere = await here.load((done) => {
        doneHere = done;
        progress();
      });
      const loaded = await Promise.all(workers.map((w) => w.next('loaded')));
      onDone(items.length);
      return inOrder([loadedHere, ...loaded.map((m) => m.outcomes)]);
    },
    async finish(previous) {
      workers.forEach((worker, w) => {
        const { mine, extra } = finishing(shares[w + 1], previous);
        worker.send({ type: 'finish', previous: [...mine], extra });
      });
      const { mine, extra } = finishing(shares[0], previous);
      const finishedHere = await here.finish(mine, extra);
      const finished = await Promise.all(workers.map((w) => w.next('finished')));
      return inOrder([finishedHere, ...finished.map((m) => m.outcomes)]);
    },
    close() {
      for (const worker of workers) worker.terminate();
    },
  };
}
