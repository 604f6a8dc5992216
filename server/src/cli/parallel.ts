// Checking the CLI's inputs together: each report is compared with the same agency's report for
// the year before when it is among the inputs (group X). With --jobs the work runs on worker
// threads (the CLI bundle is its own worker entry) in two steps, because last year's report may
// sit in another worker's share: each worker parses its share and reports each title's agency and
// year, then receives the texts of the previous-year reports it lacks and checks.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { isPreviousYear, parseReport, runRules, type CheckOptions, type Finding, type OtherReport, type ReportIdentity, type ReportModel } from '../core';

export interface CheckInput {
  file: string;
  text: string;
}

/** A text's findings, or why checking it failed (a fault in a rule: reported with the file's name). */
export type CheckOutcome = { findings: Finding[] } | { error: string };

/** Marks a worker started by checkInWorkers, so the entry script knows what to do. */
const WORKER_TAG = 'gkreport-check';
interface WorkerInput {
  tag: typeof WORKER_TAG;
  /** The worker's share: positions among all inputs, and the inputs. */
  share: number[];
  inputs: CheckInput[];
}
/** Second step: for each input of the share, the positions it compares with, and the inputs it lacks. */
interface CheckRequest {
  previous: number[][];
  extra: [number, CheckInput][];
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

type Parsed = ReportModel | { error: string };

function parse(text: string): Parsed {
  try {
    return parseReport(text);
  } catch (error) {
    return { error: errorText(error) };
  }
}

const identityOf = (parsed: Parsed): ReportIdentity | undefined =>
  'error' in parsed ? undefined : { agency: parsed.meta.agency, reportYear: parsed.meta.reportYear };

/** For each report, the positions of the same agency's reports for the year before (grouped by year: linear, not quadratic). */
export function previousYearReports(identities: readonly (ReportIdentity | undefined)[]): number[][] {
  const byYear = new Map<number, number[]>();
  identities.forEach((id, i) => {
    if (id?.reportYear !== undefined) byYear.set(id.reportYear, [...(byYear.get(id.reportYear) ?? []), i]);
  });
  return identities.map((id, i) => {
    if (id?.reportYear === undefined) return [];
    return (byYear.get(id.reportYear - 1) ?? []).filter((j) => j !== i && isPreviousYear(id, identities[j]!));
  });
}

/** The options a report is checked with: the reports it compares with as its workspace. */
export function optionsFor(previous: readonly number[], fileOf: (j: number) => string, modelOf: (j: number) => Parsed): CheckOptions {
  const workspace: OtherReport[] = [];
  for (const j of previous) {
    const model = modelOf(j);
    if (!('error' in model)) workspace.push({ file: fileOf(j), model });
  }
  return { workspace };
}

function checkModel(parsed: Parsed, options: CheckOptions): CheckOutcome {
  if ('error' in parsed) return parsed;
  try {
    const { findings, faults } = runRules(parsed, options);
    // A rule that failed is a bug: the file is reported as not checked, with the rule's error.
    if (faults.length > 0) return { error: faults.map((f) => `${f.ruleId}: ${f.error.split('\n')[0]}`).join('; ') };
    return { findings };
  } catch (error) {
    return { error: errorText(error) };
  }
}

/** Checks every input on this thread. */
function checkHere(inputs: readonly CheckInput[]): CheckOutcome[] {
  const models = inputs.map((input) => parse(input.text));
  const previous = previousYearReports(models.map(identityOf));
  return models.map((model, i) => checkModel(model, optionsFor(previous[i], (j) => inputs[j].file, (j) => models[j])));
}

/** True in a worker started by checkInWorkers: it checks its share and reports back. */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as WorkerInput | undefined)?.tag === WORKER_TAG;
}

export function serveChecks(): void {
  const { share, inputs } = workerData as WorkerInput;
  const models = new Map(share.map((position, k) => [position, parse(inputs[k].text)]));
  const files = new Map(share.map((position, k) => [position, inputs[k].file]));
  parentPort!.postMessage([...models.values()].map(identityOf));
  parentPort!.once('message', ({ previous, extra }: CheckRequest) => {
    for (const [position, input] of extra) {
      models.set(position, parse(input.text));
      files.set(position, input.file);
    }
    const outcomes = share.map((position, k) =>
      checkModel(models.get(position)!, optionsFor(previous[k], (j) => files.get(j)!, (j) => models.get(j)!)),
    );
    parentPort!.postMessage(outcomes);
  });
}

/** A worker whose messages are awaited one at a time. */
class CheckWorker {
  private readonly worker: Worker;
  private readonly queue: unknown[] = [];
  private waiting: { resolve: (message: unknown) => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;

  constructor(entry: string, data: WorkerInput) {
    this.worker = new Worker(entry, { workerData: data });
    this.worker.on('message', (message) => {
      if (this.waiting) this.settle((w) => w.resolve(message));
      else this.queue.push(message);
    });
    this.worker.once('error', (error) => this.fail(error));
    this.worker.once('exit', (code) => this.fail(new Error(`worker exited with code ${code}`)));
  }

  next<T>(): Promise<T> {
    if (this.queue.length > 0) return Promise.resolve(this.queue.shift() as T);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => (this.waiting = { resolve: resolve as (message: unknown) => void, reject }));
  }

  send(message: CheckRequest): void {
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

/**
 * What checking each input found, in input order, on `jobs` threads (`entry` is the script a worker
 * runs: the CLI itself). Inputs are dealt round-robin so large and small files spread evenly.
 */
export async function checkInWorkers(inputs: readonly CheckInput[], jobs: number, entry: string): Promise<CheckOutcome[]> {
  const n = Math.min(jobs, inputs.length);
  if (n <= 1) return checkHere(inputs);
  const shares = Array.from({ length: n }, (_, w) => inputs.map((_, i) => i).filter((i) => i % n === w));
  const workers = shares.map((share) => new CheckWorker(entry, { tag: WORKER_TAG, share, inputs: share.map((i) => inputs[i]) }));
  try {
    const identities: (ReportIdentity | undefined)[] = new Array(inputs.length);
    const reported = await Promise.all(workers.map((w) => w.next<(ReportIdentity | undefined)[]>()));
    shares.forEach((share, w) => share.forEach((i, k) => (identities[i] = reported[w][k])));
    const previous = previousYearReports(identities);
    workers.forEach((worker, w) => {
      const own = new Set(shares[w]);
      const lacking = [...new Set(shares[w].flatMap((i) => previous[i]))].filter((j) => !own.has(j));
      worker.send({ previous: shares[w].map((i) => previous[i]), extra: lacking.map((j) => [j, inputs[j]]) });
    });
    const results = await Promise.all(workers.map((w) => w.next<CheckOutcome[]>()));
    const out: CheckOutcome[] = new Array(inputs.length);
    shares.forEach((share, w) => share.forEach((i, k) => (out[i] = results[w][k])));
    return out;
  } finally {
    for (const worker of workers) worker.terminate();
  }
}
