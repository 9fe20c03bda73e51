/** A CLI command: gets its own arguments, returns the process exit code. */
export interface Command {
  run(args: readonly string[]): Promise<number>;
}

/** Exit code for bad input or bad usage, shared by every command (see shared contracts). */
export const EXIT_BAD_INPUT = 2;
