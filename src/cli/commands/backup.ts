import type { Command } from '../command.js';
import { fileArguments, runBackupCommand } from '../backup-errors.js';

const HELP = `Usage: medspiller backup <file> [--force]

Writes a backup of the configured database to <file>.
Embedded database (MEDSPILLER_DATA_DIR): PGlite's dump of the data directory, a gzipped tarball.
It is taken under the data directory's lock, so stop the server first: a running server makes
this refuse (exit 2), because a second process on the same directory would corrupt it.
PostgreSQL (DATABASE_URL): pg_dump --format=custom; pg_dump must be on PATH.
--force overwrites an existing <file>. The CPR key (MEDSPILLER_CPR_KEY or <data dir>/cpr.key) is
not in the backup: keep it safe separately, without it the CPR numbers cannot be read.
Exit code 0 written, 1 failed while running, 2 cannot run.
`;

export default {
  async run(args) {
    const parsed = fileArguments('backup', args, HELP);
    if (typeof parsed === 'number') return parsed;
    const { file, force } = parsed;
    return runBackupCommand(async (config) => {
      const { backupPglite, backupPostgres, pgliteDir } = await import('../../server/db/backup.js');
      const started = performance.now();
      const result =
        config.databaseUrl === undefined
          ? await backupPglite(config.dataDir, file, force)
          : await backupPostgres(config.databaseUrl, file, force);
      const source =
        config.databaseUrl === undefined ? `the embedded database in ${pgliteDir(config.dataDir)}` : 'DATABASE_URL';
      process.stdout.write(
        `Backed up ${source} to ${file}: ${(result.bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s.\n` +
          'The CPR key is not in the backup: keep it safe separately.\n',
      );
      return 0;
    });
  },
} satisfies Command;
