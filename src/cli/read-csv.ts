/**
 * Streams a CSV file through the core parser.
 *
 * - `readCsvFile(path, onRecord)`: every record (header included) with its 1-based start line.
 * - `readCsvTable(path, required, onRow)`: the first record is the header; the required columns
 *   must be present exactly once; every data row must have as many fields as the header.
 *   `onRow(fields, line, table)` gets data rows only; `table.index.<name>` is the position.
 *
 * Problems of the file itself (cannot be read, CSV syntax, missing column, wrong field count,
 * no header) are thrown as `CsvInputError`, whose message is `<path>:<line>: <reason>` (or
 * `<path>: <reason>` without a line). Errors thrown by the callbacks pass through unchanged
 * and stop the reading.
 */
import { createReadStream } from 'node:fs';
import {
  CsvParser,
  CsvSyntaxError,
  describeColumnProblem,
  resolveColumns,
  type ColumnIndex,
} from '../core/csv/index.js';

export class CsvInputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(line === undefined ? `${file}: ${reason}` : `${file}:${line}: ${reason}`);
    this.name = 'CsvInputError';
  }
}

export interface CsvTable<K extends string> {
  readonly header: readonly string[];
  readonly index: ColumnIndex<K>;
}

const CHUNK_BYTES = 1 << 20;

export async function readCsvFile(path: string, onRecord: (fields: string[], line: number) => void): Promise<void> {
  const parser = new CsvParser(onRecord);
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream as AsyncIterable<string>) parser.push(chunk);
    parser.end();
  } catch (error) {
    throw translate(error, path);
  }
}

export async function readCsvTable<K extends string>(
  path: string,
  required: readonly K[],
  onRow: (fields: string[], line: number, table: CsvTable<K>) => void,
): Promise<CsvTable<K> & { readonly rows: number }> {
  let table: CsvTable<K> | undefined;
  let rows = 0;
  await readCsvFile(path, (fields, line) => {
    if (table === undefined) {
      const resolved = resolveColumns(fields, required);
      if (!resolved.ok)
        throw new CsvInputError(path, line, describeColumnProblem(fields, resolved.missing, resolved.duplicated));
      table = { header: fields, index: resolved.index };
      return;
    }
    if (fields.length !== table.header.length) {
      throw new CsvInputError(
        path,
        line,
        `${fields.length} field${fields.length === 1 ? '' : 's'}, but the header has ${table.header.length}`,
      );
    }
    rows++;
    onRow(fields, line, table);
  });
  if (table === undefined) throw new CsvInputError(path, undefined, 'the file is empty (no header row)');
  return { ...table, rows };
}

function translate(error: unknown, path: string): unknown {
  if (error instanceof CsvSyntaxError) return new CsvInputError(path, error.line, error.reason);
  if (isFileSystemError(error)) {
    switch (error.code) {
      case 'ENOENT':
        return new CsvInputError(path, undefined, 'no such file');
      case 'EISDIR':
        return new CsvInputError(path, undefined, 'is a directory, not a file');
      case 'EACCES':
        return new CsvInputError(path, undefined, 'permission denied');
      default:
        return new CsvInputError(path, undefined, `cannot read the file (${error.code})`);
    }
  }
  return error;
}

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error;
}
