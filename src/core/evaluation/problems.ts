// Input problems, one line each, naming file:line and the column. Reading stops being
// useful after a screenful, so only the first MAX_PROBLEMS are kept.

export const MAX_PROBLEMS = 20;

export class ProblemList {
  private readonly lines: string[] = [];

  /** Records `file:line: message` (or `file: message` without a line). */
  add(file: string, line: number | undefined, message: string): void {
    if (this.lines.length >= MAX_PROBLEMS) return;
    this.lines.push(line === undefined ? `${file}: ${message}` : `${file}:${line}: ${message}`);
  }

  /** A problem that belongs to no file (e.g. the command's arguments). */
  addGeneral(message: string): void {
    if (this.lines.length < MAX_PROBLEMS) this.lines.push(message);
  }

  get full(): boolean {
    return this.lines.length >= MAX_PROBLEMS;
  }

  get count(): number {
    return this.lines.length;
  }

  list(): readonly string[] {
    return this.lines;
  }
}

/** Quotes a cell value for a message, shortened so one bad cell cannot flood the terminal. */
export function quoteValue(value: string): string {
  const short = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return JSON.stringify(short);
}
