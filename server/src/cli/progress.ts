// Progress on stderr while many files are checked: one line that updates in place (files done of
// the total, files per second, time left), cleared at the end. Only when stderr is a terminal: piped
// or redirected, nothing extra is written.
import { msg, localize, type Locale } from '../core';

/** Fewer files than this finish too soon for a progress line to help. */
export const PROGRESS_MIN_FILES = 20;
/** The line is redrawn at most this often (ms). */
const REDRAW_MS = 100;

export const progressLine = (done: number, total: number, rate: number, secondsLeft: number | undefined) =>
  msg(
    `gkreport：已检查 ${done}/${total} 个文件（${Math.floor((done / total) * 100)}%），每秒 ${Math.round(rate)} 个${secondsLeft === undefined ? '' : `，约剩 ${Math.ceil(secondsLeft)} 秒`}`,
    `gkreport: checked ${done}/${total} files (${Math.floor((done / total) * 100)}%), ${Math.round(rate)}/s${secondsLeft === undefined ? '' : `, about ${Math.ceil(secondsLeft)} s left`}`,
  );

export class Progress {
  private drawn = false;
  private lastDraw = -Infinity;
  private readonly started: number;

  constructor(
    private readonly write: (text: string) => void,
    private readonly total: number,
    private readonly enabled: boolean,
    private readonly locale: Locale,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
    if (this.enabled) this.draw(0);
  }

  /** `done` files of the total are finished. */
  update(done: number): void {
    if (!this.enabled) return;
    const t = this.now();
    if (t - this.lastDraw < REDRAW_MS && done < this.total) return;
    this.draw(done);
  }

  /** Clears the line (before anything else is written to stderr). */
  finish(): void {
    if (!this.drawn) return;
    this.write('\r\x1b[K');
    this.drawn = false;
  }

  private draw(done: number): void {
    const t = this.now();
    this.lastDraw = t;
    const seconds = (t - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const left = done > 0 && rate > 0 ? (this.total - done) / rate : undefined;
    this.write(`\r${localize(progressLine(done, this.total, rate, left), this.locale)}\x1b[K`);
    this.drawn = true;
  }
}

/** Whether a run shows progress: stderr is a terminal and there are enough files. */
export function wantsProgress(isTTY: boolean | undefined, files: number): boolean {
  return isTTY === true && files >= PROGRESS_MIN_FILES;
}
