import type { Config } from '../server/config.js';

/**
 * Runs a database-backed command, turning the failures a person can fix (bad configuration,
 * a locked data directory, a changed migration, an unreachable server) into one clear line.
 * `cannotRunExit` is the exit code for those that keep the command from running at all.
 */
export async function runWithDatabaseErrors(
  body: (config: Config) => Promise<number>,
  badConfigExit: number,
  cannotRunExit = 1,
): Promise<number> {
  const { readConfig, ConfigError } = await import('../server/config.js');
  const { DataDirLockedError } = await import('../server/db/lock.js');
  const { MigrationError } = await import('../server/db/migrate.js');
  const { isDatabaseUnavailable } = await import('../server/db/unavailable.js');
  let config: Config;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`medspiller: ${error.message}\n`);
      return badConfigExit;
    }
    throw error;
  }
  try {
    return await body(config);
  } catch (error) {
    if (error instanceof DataDirLockedError || error instanceof MigrationError) {
      process.stderr.write(`medspiller: ${error.message}\n`);
      return cannotRunExit;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === '28P01' || code === '3D000' || isDatabaseUnavailable(error)) {
      const reason = (error as Error).message === '' ? String(code) : (error as Error).message;
      process.stderr.write(`medspiller: cannot reach the database in DATABASE_URL (${reason}).\n`);
      return cannotRunExit;
    }
    if (code === 'EADDRINUSE') {
      process.stderr.write(`medspiller: port ${config.port} is already in use. Set PORT to another port.\n`);
      return 1;
    }
    throw error;
  }
}
