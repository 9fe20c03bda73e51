// Input problems, one line each, naming file:line and the column. Reading stops being
// useful after a screenful, so only the first MAX_PROBLEMS are kept.

export const MAX_PROBLEMS = 20;

interface Problem {
  readonly text: string;
  readonly file: string;
  readonly line: number;
}

/**
 * Weekly rows are checked partly in buffered batches, so problems may be found out of line
 * order; list() sorts them by file (in order of first mention) and line.
 */
export class ProblemList {
  private readonly problems: Problem[] = [];

  /** Records `file:line: message` (or `file: message` without a line). */
  add(file: string, line: number | undefined, message: string): void {
    if (this.problems.length >= MAX_PROBLEMS) return;
    const text = line === undefined ? `${file}: ${message}` : `${file}:${line}: ${message}`;
    this.problems.push({ text, file, line: line ?? 0 });
  }

  /** A problem that belongs to no file (e.g. the command's arguments). */
  addGeneral(message: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ text: message, file: '', line: 0 });
  }

  get full(): boolean {
    return this.problems.length >= MAX_PROBLEMS;
  }

  get count(): number {
    return this.problems.length;
  }

  list(): readonly string[] {
    const files = [...new Set(this.problems.map((p) => p.file))];
    return [...this.problems]
      .sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line)
      .map((p) => p.text);
  }
}

/** Quotes a cell value for a message, shortened so one bad cell cannot flood the terminal. */
export function quoteValue(value: string): string {
  const short = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return JSON.stringify(short);
}
