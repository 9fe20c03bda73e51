import type { Command } from '../command.js';
import { fileArguments, runBackupCommand } from '../backup-errors.js';

const HELP = `Usage: medspiller restore <file> [--force]

Restores a backup written by "medspiller backup" into the configured database.
Embedded database: into MEDSPILLER_DATA_DIR, which must hold no database (stop the server
first). The backup is loaded and checked beside the old database before it takes its place.
PostgreSQL: pg_restore --clean --if-exists into DATABASE_URL, which must have no tables;
pg_restore must be on PATH.
--force replaces an existing database. Afterwards the migrations are checked as "start" does:
a backup from a newer Medspiller is refused; pending migrations are reported and applied by
"medspiller migrate" or "medspiller start".
Exit code 0 restored, 1 failed while running, 2 cannot run.
`;

const pad = (v: number): string => String(v).padStart(3, '0');

export default {
  async run(args) {
    const parsed = fileArguments('restore', args, HELP);
    if (typeof parsed === 'number') return parsed;
    const { file, force } = parsed;
    return runBackupCommand(async (config) => {
      const { restorePglite, restorePostgres, pgliteDir } = await import('../../server/db/backup.js');
      const started = performance.now();
      const result =
        config.databaseUrl === undefined
          ? await restorePglite(config.dataDir, file, force)
          : await restorePostgres(config.databaseUrl, file, force);
      const target =
        config.databaseUrl === undefined ? `the embedded database in ${pgliteDir(config.dataDir)}` : 'DATABASE_URL';
      process.stdout.write(
        `Restored ${file} into ${target} in ${((performance.now() - started) / 1000).toFixed(1)} s. ` +
          `Schema at migration ${pad(result.version)}; this Medspiller has ${pad(result.current)}` +
          (result.pending === 0
            ? '.\n'
            : `: ${result.pending} pending, applied by "medspiller migrate" or "medspiller start".\n`),
      );
      return 0;
    });
  },
} satisfies Command;
