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
        let stopping = false;
        const stop = (signal: string) => {
          // Ctrl-C under `npm start` arrives twice (from the terminal and forwarded by npm); a
          // second signal must not end the process before the database is closed and unlocked.
          if (stopping) return;
          stopping = true;
          process.stdout.write(`Received ${signal}: finishing requests and closing the database…\n`);
          server.stop().then(resolve, (error: unknown) => {
            process.stderr.write(`Shutdown failed: ${String(error)}\n`);
            process.exitCode = 1;
            resolve();
          });
        };
        process.on('SIGINT', () => stop('SIGINT'));
        process.on('SIGTERM', () => stop('SIGTERM'));
      });
      process.stdout.write('Stopped.\n');
      return 0;
    }, EXIT_BAD_INPUT);
  },
} satisfies Command;
