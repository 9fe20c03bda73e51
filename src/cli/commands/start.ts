import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { EXIT_BAD_INPUT } from '../command.js';
import { runWithDatabaseErrors } from '../server-errors.js';

const HELP = `Usage: medspiller start [--port N]

Starts the server: the JSON API, its OpenAPI document at /api/docs and the web app.
Uses the embedded PostgreSQL in MEDSPILLER_DATA_DIR (default ./data) unless DATABASE_URL is set.
Applies pending migrations; on an empty embedded database loads the demo municipality
(MEDSPILLER_DEMO=false to skip, =true to load it on PostgreSQL too).
Stops gracefully on SIGINT and SIGTERM.
`;

export default {
  async run(args) {
    const { values } = parseArgs({
      args: [...args],
      options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    });
    if (values.help === true) {
      process.stdout.write(HELP);
      return 0;
    }
    if (values.port !== undefined) process.env.PORT = values.port;
    return runWithDatabaseErrors(async (config) => {
      const { startServer } = await import('../../server/server.js');
      const server = await startServer(config, (line) => process.stdout.write(`${line}\n`));
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          process.stdout.write(`Received ${signal}: finishing requests and closing the database…\n`);
          server.stop().then(resolve, (error: unknown) => {
            process.stderr.write(`Shutdown failed: ${String(error)}\n`);
            process.exitCode = 1;
            resolve();
          });
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
      });
      process.stdout.write('Stopped.\n');
      return 0;
    }, EXIT_BAD_INPUT);
  },
} satisfies Command;
