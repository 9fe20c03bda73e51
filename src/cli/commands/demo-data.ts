import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { EXIT_BAD_INPUT } from '../command.js';
import { runWithDatabaseErrors } from '../server-errors.js';

const HELP = `Usage: medspiller demo-data

Migrates the configured database and loads the demo municipality ("Demo Kommune") with one
login per role, unless it is already there. The demo password is public: never on production.
`;

export default {
  async run(args) {
    const { values } = parseArgs({ args: [...args], options: { help: { type: 'boolean', short: 'h' } }, strict: true });
    if (values.help === true) {
      process.stdout.write(HELP);
      return 0;
    }
    return runWithDatabaseErrors(async (config) => {
      const { openConfiguredDatabase } = await import('../../server/runtime.js');
      const { migrate } = await import('../../server/db/migrate.js');
      const { loadDemoData, DEMO_LOGINS, DEMO_PASSWORD } = await import('../../server/demo/demo-data.js');
      const { loadCprKeyring } = await import('../../server/crypto/index.js');
      const opened = await openConfiguredDatabase(config);
      try {
        await migrate(opened.db);
        const keys = await loadCprKeyring({
          env: process.env,
          dataDir: config.dataDir,
          production: process.env.NODE_ENV === 'production',
        });
        const loaded = await loadDemoData(opened.db.kysely, keys.keyring);
        process.stdout.write(
          loaded
            ? `Loaded the demo municipality into ${opened.description}.\n`
            : 'The demo municipality is already there.\n',
        );
        process.stdout.write(
          `Logins (password ${DEMO_PASSWORD}):\n${DEMO_LOGINS.map((l) => `  ${l.role.padEnd(20)} ${l.email}\n`).join('')}`,
        );
        return 0;
      } finally {
        await opened.close();
      }
    }, EXIT_BAD_INPUT);
  },
} satisfies Command;
