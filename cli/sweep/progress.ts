/**
 * Sweep progress on stderr: a redrawn bar when stderr is a terminal, otherwise a plain line now and
 * then (every 10% of the runs, at most one per 2 s, and the last one) so CI logs stay short.
 */
import type { CliIO } from '../io.ts';

const WIDTH = 30;
const REDRAW_MS = 100;
const LINE_MS = 2000;

export class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;
  private lastLineDone = 0;

  constructor(
    private readonly io: CliIO,
    private readonly total: number,
    private readonly label: string,
  ) {}

  update(done: number): void {
    const now = Date.now();
    const last = done === this.total;
    if (this.io.isTTY) {
      if (!last && now - this.lastDraw < REDRAW_MS) return;
      this.lastDraw = now;
      const filled = Math.round((WIDTH * done) / this.total);
      const bar = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}]`;
      // io.err ends each write with a newline: move back up over the previous bar and clear it.
      this.io.err(`${this.drawn ? '\x1b[1A\r\x1b[2K' : ''}${this.label} ${bar} ${done}/${this.total} runs ${this.timing(done, now)}`);
      this.drawn = true;
      return;
    }
    const step = Math.max(1, Math.ceil(this.total / 10));
    if (last || (done - this.lastLineDone >= step && now - this.lastDraw >= LINE_MS)) {
      this.lastDraw = now;
      this.lastLineDone = done;
      this.io.err(`${this.label}: ${done}/${this.total} runs ${this.timing(done, now)}`);
    }
  }

  private timing(done: number, now: number): string {
    const s = (now - this.started) / 1000;
    if (done === this.total || done === 0) return `${s.toFixed(1)} s`;
    return `${s.toFixed(1)} s, about ${Math.ceil((s / done) * (this.total - done))} s left`;
  }
}
