/**
 * Real-time driver: while an exercise runs, simulated time follows wall time times the speed
 * factor. The driver only decides *when* to advance and *to what time*; every advance goes through
 * the exercise's command queue as a recorded `advance` command, so a replay of the log reproduces
 * the run exactly without any clock.
 *
 * It wakes every `tickMs` of wall time, and sooner when the engine's next scheduled item falls due
 * earlier, so that an inject due at T+10m at x60 arrives 10 s after start, not up to a tick late.
 */
import { MAX_SIM_TIME } from '../../engine/index.ts';
import type { ClockInfo } from './engine-port.ts';

export interface DriverOptions {
  /** Longest wall-clock interval between advances while running. */
  tickMs: number;
  /** Monotonic wall clock in ms. */
  now: () => number;
  /** Called when an advance is due; the host queues a tick. */
  onTick: () => void;
}

export class RealtimeDriver {
  private anchor: { sim: number; wall: number; speed: number } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private held = false;

  constructor(private readonly options: DriverOptions) {}

  /** True while the clock runs (between start/resume and pause/end). */
  get running(): boolean {
    return this.anchor !== undefined;
  }

  /**
   * The simulated time to advance to now, or undefined when stopped. Never behind `current` (the
   * engine's time), so an advance never goes backwards.
   */
  target(current: number): number | undefined {
    if (!this.anchor) return undefined;
    return Math.min(MAX_SIM_TIME, Math.max(current, this.projected()));
  }

  /** Wall time since the anchor times the speed, from the anchor's simulated time. */
  private projected(): number {
    if (!this.anchor) return 0;
    const elapsed = Math.max(0, this.options.now() - this.anchor.wall);
    return this.anchor.sim + Math.floor(elapsed * this.anchor.speed);
  }

  /**
   * Brings the driver in line with the engine after each batch of commands: starts, stops or
   * re-anchors (on a speed change) the clock, and schedules the next wake-up.
   */
  reconcile(clock: ClockInfo, nextDue: number | undefined): void {
    if (this.stopped || this.held) return;
    if (clock.phase !== 'running') {
      this.anchor = undefined;
      this.clearTimer();
      return;
    }
    // Re-anchor on start/resume, on a speed change, and when a command moved time past the wall
    // clock (a controller's jump): the clock then runs on from there.
    if (!this.anchor || this.anchor.speed !== clock.speed || clock.now > this.projected()) {
      this.anchor = { sim: clock.now, wall: this.options.now(), speed: clock.speed };
    }
    this.schedule(clock.now, nextDue);
  }

  private schedule(current: number, nextDue: number | undefined): void {
    this.clearTimer();
    let delay = this.options.tickMs;
    if (nextDue !== undefined && this.anchor) {
      const simAhead = nextDue - (this.target(current) ?? current);
      // An item already due (simAhead <= 0) is handled by the advance being made right now; a short
      // floor keeps a misreported due time from turning into a busy loop of advances.
      delay = Math.min(delay, simAhead > 0 ? Math.ceil(simAhead / this.anchor.speed) : 10);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.options.onTick();
    }, delay);
    // The driver alone must not keep a process alive (tests, shutdown).
    this.timer.unref?.();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * Holds simulated time where it is (the store cannot record advances): no ticks, no target,
   * until `release`. The next `reconcile` after it anchors afresh, so the held wall time is not
   * made up in one jump.
   */
  hold(): void {
    this.held = true;
    this.anchor = undefined;
    this.clearTimer();
  }

  release(): void {
    this.held = false;
  }

  /** Stops for good (exercise unloaded or server shutting down). */
  stop(): void {
    this.stopped = true;
    this.anchor = undefined;
    this.clearTimer();
  }
}
