import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { EXIT_BAD_INPUT } from '../command.js';
import { runWithDatabaseErrors } from '../server-errors.js';

const HELP = `Usage: medspiller migrate [--status]

Applies pending migrations to the configured database (DATABASE_URL, else the embedded one in
MEDSPILLER_DATA_DIR) and exits. --status only reports applied and pending migrations.
Refuses to run when an applied migration file was changed.
`;

export default {
  async run(args) {
    const { values } = parseArgs({
      args: [...args],
      options: { status: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    });
    if (values.help === true) {
      process.stdout.write(HELP);
      return 0;
    }
    return runWithDatabaseErrors(async (config) => {
      const { openConfiguredDatabase } = await import('../../server/runtime.js');
      const { migrate, migrationStatus } = await import('../../server/db/migrate.js');
      const opened = await openConfiguredDatabase(config);
      try {
        if (values.status === true) {
          const status = await migrationStatus(opened.db);
          process.stdout.write(`${opened.description}: ${status.applied} applied, ${status.pending} pending.\n`);
          return 0;
        }
        const applied = await migrate(opened.db);
        process.stdout.write(
          applied.length === 0
            ? `${opened.description}: already up to date.\n`
            : applied.map((m) => `applied ${String(m.version).padStart(3, '0')}_${m.name}\n`).join(''),
        );
        return 0;
      } finally {
        await opened.close();
      }
    }, EXIT_BAD_INPUT);
  },
} satisfies Command;
