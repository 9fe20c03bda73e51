#!/usr/bin/env node
// The `medspiller` command. Commands load lazily so that pure commands
// (evaluate, randomise, deadlines) never import the server or open the database.
import { commands, type CommandName } from './registry.js';
import { usage } from './usage.js';

const [name, ...rest] = process.argv.slice(2);

if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
  process.stdout.write(usage());
  process.exit(name === undefined ? 2 : 0);
}
if (name === '--version' || name === '-v') {
  const { readFileSync } = await import('node:fs');
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  process.stdout.write(`${pkg.version}\n`);
  process.exit(0);
}
if (!(name in commands)) {
  process.stderr.write(`medspiller: unknown command "${name}". Run "medspiller --help" for the list.\n`);
  process.exit(2);
}
const command = await commands[name as CommandName].load();
try {
  process.exitCode = await command.run(rest);
} catch (error) {
  // Node would print every field of the error, and a database error carries the statement's
  // values (PGlite: `params`; pg: `detail`): print only its safe shape.
  const { safeError } = await import('../server/plugins/redact.js');
  process.stderr.write(`medspiller: ${safeError(error).stack ?? safeError(error).message}\n`);
  process.exitCode = 1;
}
