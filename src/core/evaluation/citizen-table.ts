// citizens.csv → the experiment's citizens: arm, stratum and numeric baseline columns, with
// every problem reported as file:line and column. Rows arrive as parsed CSV fields.
import { describeColumnProblem, resolveColumns } from '../csv/index.js';
import { CitizenIndex } from './citizen-index.js';
import { quoteValue, type ProblemList } from './problems.js';

export interface BaselineColumn {
  readonly name: string;
  readonly values: Float64Array;
}

export interface CitizenTable {
  readonly index: CitizenIndex;
  /** Line of each citizen in citizens.csv. */
  readonly lines: Int32Array;
  readonly arm: Int32Array;
  readonly armNames: readonly string[];
  readonly stratum: Int32Array;
  readonly strataNames: readonly string[];
  /** age, years_unemployed and any further columns, in file order. */
  readonly baseline: readonly BaselineColumn[];
}

const REQUIRED = ['citizen_id', 'arm', 'stratum', 'age', 'years_unemployed'] as const;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

interface Layout {
  readonly width: number;
  readonly id: number;
  readonly arm: number;
  readonly stratum: number;
  readonly baseline: readonly { readonly name: string; readonly column: number }[];
}

/** Interns names to small integers in order of first appearance. */
class Names {
  readonly list: string[] = [];
  private readonly map = new Map<string, number>();

  intern(name: string): number {
    let code = this.map.get(name);
    if (code === undefined) {
      code = this.list.length;
      this.list.push(name);
      this.map.set(name, code);
    }
    return code;
  }
}

export class CitizenTableBuilder {
  private layout: Layout | undefined;
  private readonly index = new CitizenIndex();
  private readonly lines: number[] = [];
  private readonly arm: number[] = [];
  private readonly stratum: number[] = [];
  private baseline: number[][] = [];
  private readonly arms = new Names();
  private readonly strata = new Names();

  constructor(
    private readonly file: string,
    private readonly problems: ProblemList,
  ) {}

  /** Takes the header row; false when required columns are missing (nothing else can be read). */
  header(fields: readonly string[], line: number): boolean {
    const resolved = resolveColumns(fields, REQUIRED);
    if (!resolved.ok) {
      this.problems.add(this.file, line, describeColumnProblem(fields, resolved.missing, resolved.duplicated));
      return false;
    }
    const { index } = resolved;
    const named = new Set<number>([index.citizen_id, index.arm, index.stratum]);
    const baseline = fields.flatMap((name, column) => (named.has(column) ? [] : [{ name, column }]));
    this.layout = { width: fields.length, id: index.citizen_id, arm: index.arm, stratum: index.stratum, baseline };
    this.baseline = baseline.map(() => []);
    return true;
  }

  row(fields: readonly string[], line: number): void {
    const layout = this.layout;
    if (layout === undefined) throw new Error('CitizenTableBuilder.row before header');
    if (fields.length !== layout.width) {
      this.problems.add(
        this.file,
        line,
        `${fields.length} field${fields.length === 1 ? '' : 's'}, but the header has ${layout.width}`,
      );
      return;
    }
    const id = fields[layout.id]!;
    if (id === '') {
      this.problems.add(this.file, line, 'citizen_id is empty');
      return;
    }
    const added = this.index.add(id);
    if (added < 0) {
      this.problems.add(
        this.file,
        line,
        `citizen_id ${quoteValue(id)} appears again (first on line ${this.lines[-added - 1]!})`,
      );
      return;
    }
    this.lines.push(line);
    this.arm.push(this.label(fields[layout.arm]!, 'arm', line, this.arms));
    this.stratum.push(this.label(fields[layout.stratum]!, 'stratum', line, this.strata));
    layout.baseline.forEach(({ name, column }, k) => {
      const text = fields[column]!;
      let value = Number.NaN;
      if (text === '') this.problems.add(this.file, line, `${name} is empty (a number is required)`);
      else if (!NUMBER.test(text)) this.problems.add(this.file, line, `${name} ${quoteValue(text)} is not a number`);
      else value = Number(text);
      this.baseline[k]!.push(value);
    });
  }

  private label(text: string, column: string, line: number, names: Names): number {
    if (text === '') {
      this.problems.add(this.file, line, `${column} is empty`);
      return -1;
    }
    return names.intern(text);
  }

  build(): CitizenTable {
    const layout = this.layout;
    return {
      index: this.index,
      lines: Int32Array.from(this.lines),
      arm: Int32Array.from(this.arm),
      armNames: this.arms.list,
      stratum: Int32Array.from(this.stratum),
      strataNames: this.strata.list,
      baseline: (layout?.baseline ?? []).map(({ name }, k) => ({ name, values: Float64Array.from(this.baseline[k]!) })),
    };
  }
}
