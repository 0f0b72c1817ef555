/** Output streams of a command, injectable so that tests run commands in-process and read what they print. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress bars draw only then). */
  isTTY: boolean;
}

export const processIO: CliIO = {
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  isTTY: Boolean(process.stderr.isTTY),
};

/** A command module: its help text and its entry point, which returns the exit code. */
export interface CliCommand {
  summary: string;
  help: string;
  run(args: string[], io: CliIO): Promise<number>;
}

/** Thrown by argument parsing helpers for usage errors; main prints it with the command's help hint. */
export class UsageError extends Error {}
