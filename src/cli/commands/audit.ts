import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { EXIT_BAD_INPUT } from '../command.js';
import { runWithDatabaseErrors } from '../server-errors.js';

/** Exit code when the check could not run at all; never the code of a broken chain. */
const CANNOT_RUN = EXIT_BAD_INPUT;

const HELP = `Usage: medspiller audit verify [--municipality CODE]

Re-computes the hash chain of the audit log of every municipality (or the one with the given
municipality code) and reports the first broken link.

Exit codes: 0 every chain is intact, 1 a chain is broken, 2 the check could not run (bad
arguments, unknown municipality, database unreachable, data directory in use).
`;

export default {
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...args],
        options: { municipality: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      process.stderr.write(`medspiller audit: ${(error as Error).message}\n${HELP}`);
      return EXIT_BAD_INPUT;
    }
    const { values, positionals } = parsed;
    if (values.help === true) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length !== 1 || positionals[0] !== 'verify') {
      process.stderr.write(`medspiller audit: expected the subcommand "verify".\n${HELP}`);
      return EXIT_BAD_INPUT;
    }
    // A monitoring job must tell "the chain is broken" (1) from "the check did not run" (2).
    try {
      return await runWithDatabaseErrors(
        async (config) => {
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
          } catch (error) {
            // Not a verdict on the chain: the database failed under the check (e.g. it went away).
            process.stderr.write(`medspiller: the audit check could not finish (${(error as Error).message}).\n`);
            return CANNOT_RUN;
          } finally {
            await opened.close();
          }
        },
        EXIT_BAD_INPUT,
        CANNOT_RUN,
      );
    } catch (error) {
      process.stderr.write(`medspiller: the audit check could not run (${(error as Error).message}).\n`);
      return CANNOT_RUN;
    }
  },
} satisfies Command;
