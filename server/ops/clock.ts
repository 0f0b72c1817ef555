/**
 * The server's one source of time, handed to whatever reads it (the exercise hosts and their
 * manager, the application's uptime), so that no code of the authority reads a clock of its own.
 * Two readings, because they answer different questions: how long something took or when the next
 * thing is due (monotonic, never jumps when the system clock is set), and what the date was when
 * something happened (calendar time, for audit fields and listings; the engine never sees it).
 */
export interface Clock {
  /** Monotonic milliseconds: intervals, deadlines, latencies. */
  now(): number;
  /** Calendar time as ISO 8601: when a command was applied, when an exercise was created. */
  timestamp(): string;
}

/** The process's clocks. */
export const systemClock: Clock = {
  now: () => performance.now(),
  timestamp: () => new Date().toISOString(),
};
