// Reading an experiment's two files into ExperimentData: citizens.csv records first (parsed
// CSV fields), then weekly.csv as bytes, then the checks that need both (every citizen has
// weeks 1..L without gaps). Problems collect in one list; the caller does the I/O.
import { CitizenTableBuilder, type CitizenTable } from './citizen-table.js';
import type { ExperimentData } from './evaluate.js';
import { PanelAccumulator } from './panel.js';
import { ProblemList, quoteValue } from './problems.js';
import { RowPartitions, type RowSink } from './row-partitions.js';
import { WeeklyScanner } from './weekly-scanner.js';

const decoder = new TextDecoder();

export class ExperimentInput {
  readonly problems = new ProblemList();
  private readonly builder: CitizenTableBuilder;
  private headerSeen = false;
  private headerOk = false;
  private table: CitizenTable | undefined;
  private panel: PanelAccumulator | undefined;
  private scanner: WeeklyScanner | undefined;
  private rows: RowPartitions | undefined;

  constructor(
    private readonly citizensFile: string,
    private readonly weeklyFile: string,
  ) {
    this.builder = new CitizenTableBuilder(citizensFile, this.problems);
  }

  /** One record of citizens.csv (the first is the header). */
  citizenRecord(fields: readonly string[], line: number): void {
    if (!this.headerSeen) {
      this.headerSeen = true;
      this.headerOk = this.builder.header(fields, line);
    } else if (this.headerOk) {
      this.builder.row(fields, line);
    }
  }

  /** Ends citizens.csv; the arm names found, or null when the file cannot be used. */
  endCitizens(): readonly string[] | null {
    if (!this.headerSeen) this.problems.add(this.citizensFile, undefined, 'the file is empty (no header row)');
    if (!this.headerOk) return null;
    this.table = this.builder.build();
    return this.table.armNames;
  }

  /** The byte scanner for weekly.csv; call after endCitizens. */
  weekly(): WeeklyScanner {
    if (this.table === undefined) throw new Error('ExperimentInput.weekly before endCitizens');
    const { index } = this.table;
    const panel = new PanelAccumulator(index.count);
    const { problems, weeklyFile } = this;
    const sink: RowSink = {
      row(position, week, status, line) {
        if (panel.add(position, week, status) === 'duplicate') {
          const id = quoteValue(index.id(index.indexByPosition[position]!));
          problems.add(weeklyFile, line, `week ${week} of citizen_id ${id} appears more than once`);
        }
      },
      unknownCitizen(id, line) {
        const text = decoder.decode(id);
        problems.add(
          weeklyFile,
          line,
          text === '' ? 'citizen_id is empty' : `citizen_id ${quoteValue(text)} is not in citizens.csv`,
        );
      },
    };
    this.panel = panel;
    this.rows = new RowPartitions(index, sink);
    this.scanner = new WeeklyScanner(weeklyFile, this.rows, problems);
    return this.scanner;
  }

  /** Final checks; the data when there were no problems at all. */
  finish(): ExperimentData | null {
    const { table, panel, scanner, rows } = this;
    if (table === undefined || panel === undefined || scanner === undefined || rows === undefined) return null;
    scanner.end();
    rows.flushAll();
    if (!scanner.hasHeader) {
      if (!scanner.headerFailed) this.problems.add(this.weeklyFile, undefined, 'the file is empty (no header row)');
      return null;
    }
    const { index } = table;
    const weeks = panel.result(index.indexByPosition);
    for (let i = 0; i < index.count && !this.problems.full; i++) {
      const id = (): string => quoteValue(index.id(i));
      if (weeks.weeksSeen[i] === 0) {
        this.problems.add(this.citizensFile, table.lines[i], `citizen_id ${id()} has no rows in ${this.weeklyFile}`);
        continue;
      }
      const missing = panel.firstMissingWeek(index.positionByIndex[i]!);
      if (missing > 0) {
        this.problems.add(
          this.citizensFile,
          table.lines[i],
          `citizen_id ${id()} has weeks up to ${weeks.lastWeek[i]!} in ${this.weeklyFile} but no week ${missing} (weeks must run 1..L without gaps)`,
        );
      }
    }
    if (this.problems.count > 0) return null;
    return { ...table, weeks };
  }
}
