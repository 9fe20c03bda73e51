import { parseArgs } from 'node:util';
import type { Config } from '../server/config.js';
import { EXIT_BAD_INPUT } from './command.js';
import { runWithDatabaseErrors } from './server-errors.js';

/**
 * backup and restore: what keeps them from starting (a missing tool or file, a locked data
 * directory, a non-empty target) is exit 2; a failure once running is exit 1.
 */
export async function runBackupCommand(body: (config: Config) => Promise<number>): Promise<number> {
  const { BackupRefusal, ToolFailed } = await import('../server/db/backup.js');
  const { DataDirLockedError } = await import('../server/db/lock.js');
  return runWithDatabaseErrors(async (config) => {
    try {
      return await body(config);
    } catch (error) {
      if (error instanceof BackupRefusal || error instanceof DataDirLockedError) {
        process.stderr.write(`medspiller: ${error.message}\n`);
        return EXIT_BAD_INPUT;
      }
      if (error instanceof ToolFailed) {
        process.stderr.write(`medspiller: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  }, EXIT_BAD_INPUT);
}

/**
 * The arguments both commands take: one file and `--force`. Returns the exit code instead when
 * the user asked for help or the arguments are wrong.
 */
export function fileArguments(
  command: 'backup' | 'restore',
  args: readonly string[],
  help: string,
): { file: string; force: boolean } | number {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help === true) {
    process.stdout.write(help);
    return 0;
  }
  const file = positionals[0];
  if (positionals.length !== 1 || file === undefined || file === '') {
    process.stderr.write(`medspiller ${command}: expected one file name.\n${help}`);
    return EXIT_BAD_INPUT;
  }
  return { file, force: values.force === true };
}
