import type { Command } from './command.js';

interface Entry {
  summary: string;
  load: () => Promise<Command>;
}

export const commands = {
  start: {
    summary: 'start the server (embedded database unless DATABASE_URL is set)',
    load: async () => (await import('./commands/start.js')).default,
  },
  migrate: {
    summary: 'apply pending database migrations and exit',
    load: async () => (await import('./commands/migrate.js')).default,
  },
  'demo-data': {
    summary: 'load the demo municipality into an empty database',
    load: async () => (await import('./commands/demo-data.js')).default,
  },
  audit: {
    summary: 'verify the hash chain of the audit log (audit verify)',
    load: async () => (await import('./commands/audit.js')).default,
  },
  backup: {
    summary: 'write a backup of the database to a file (PGlite dump or pg_dump)',
    load: async () => (await import('./commands/backup.js')).default,
  },
  restore: {
    summary: 'restore a backup into an empty database (--force to replace one)',
    load: async () => (await import('./commands/restore.js')).default,
  },
  deadlines: {
    summary: 'deadlines of one case as of a date, explained (JSON)',
    load: async () => (await import('./commands/deadlines.js')).default,
  },
  randomise: {
    summary: 'stratified permuted-block allocation of citizens to arms (CSV)',
    load: async () => (await import('./commands/randomise.js')).default,
  },
  evaluate: {
    summary: "effect estimates from an experiment's weekly panel (JSON)",
    load: async () => (await import('./commands/evaluate.js')).default,
  },
} satisfies Record<string, Entry>;

export type CommandName = keyof typeof commands;
