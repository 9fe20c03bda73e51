import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { EXIT_BAD_INPUT } from '../command.js';
import { runWithDatabaseErrors } from '../server-errors.js';

const HELP = `Usage: medspiller audit verify [--municipality CODE]

Re-computes the hash chain of the audit log of every municipality (or the one with the given
municipality code) and reports the first broken link. Exit code 0 when every chain is intact,
1 when one is broken.
`;

export default {
  async run(args) {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { municipality: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help === true) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length !== 1 || positionals[0] !== 'verify') {
      process.stderr.write(`medspiller audit: expected the subcommand "verify".\n${HELP}`);
      return EXIT_BAD_INPUT;
    }
    return runWithDatabaseErrors(async (config) => {
      const { openConfiguredDatabase } = await import('../../server/runtime.js');
      const { verifyMunicipalityChain } = await import('../../server/modules/audit/service.js');
      const { listMunicipalities } = await import('../../server/modules/system/service.js');
      const opened = await openConfiguredDatabase(config);
      try {
        const municipalities = await listMunicipalities(opened.db.kysely, values.municipality);
        if (municipalities.length === 0) {
          process.stderr.write(
            values.municipality === undefined
              ? 'No municipalities in the database.\n'
              : `No municipality with code ${values.municipality}.\n`,
          );
          return values.municipality === undefined ? 0 : EXIT_BAD_INPUT;
        }
        let broken = 0;
        for (const m of municipalities) {
          const report = await verifyMunicipalityChain(opened.db.kysely, m.id);
          if (report.ok) process.stdout.write(`${m.code} ${m.name}: ${report.events} events, chain intact\n`);
          else {
            broken++;
            process.stdout.write(
              `${m.code} ${m.name}: BROKEN at event ${report.brokenAt} (${report.reason}); ${report.events} events before it verified\n`,
            );
          }
        }
        return broken === 0 ? 0 : 1;
      } finally {
        await opened.close();
      }
    }, EXIT_BAD_INPUT);
  },
} satisfies Command;
