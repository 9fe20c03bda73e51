import { commands } from './registry.js';

export function usage(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: medspiller <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run "medspiller <command> --help" for the options of a command.',
    '',
  ].join('\n');
}
