import {
  PostgresQueryCompiler,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { TENANT_TABLES } from './tenant.js';

// Proves tenant isolation on the SQL that actually runs: every reference to a tenant table must
// be tied to a municipality — `t.municipality_id = $n` on it, or a chain of
// `a.municipality_id = b.municipality_id` ending in one — and an INSERT must name the column.
// A statement marked ALL_MUNICIPALITIES(...) may span municipalities on purpose. The integration
// tests open every database with this guard, so a forgotten filter fails the suite.

const TENANT = new Set<string>(TENANT_TABLES);
const MARK = /\/\* all municipalities: [^*]+\*\//;
// Words that can follow a table name but are not its alias.
const NOT_ALIAS = new Set([
  'where',
  'join',
  'inner',
  'left',
  'right',
  'full',
  'cross',
  'on',
  'set',
  'group',
  'order',
  'limit',
  'offset',
  'returning',
  'using',
  'values',
  'select',
  'union',
  'for',
  'having',
  'window',
  'natural',
  'lateral',
  'default',
  'on',
  'and',
  'or',
]);

interface TableRef {
  table: string;
  name: string;
  insert: boolean;
  at: number;
}

/** Lower case, without string literals, comments or identifier quotes. */
function normalise(text: string): string {
  return text
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/"/g, '')
    .toLowerCase();
}

function tableRefs(s: string): TableRef[] {
  const refs: TableRef[] = [];
  const pattern = /\b(from|join|update|into)\s+([a-z_][a-z0-9_]*)(?:\s+(?:as\s+)?([a-z_][a-z0-9_]*))?/g;
  for (let m = pattern.exec(s); m !== null; m = pattern.exec(s)) {
    const [, keyword, table = '', alias] = m;
    if (!TENANT.has(table)) continue;
    const name = alias !== undefined && !NOT_ALIAS.has(alias) ? alias : table;
    refs.push({ table, name, insert: keyword === 'into', at: m.index });
  }
  return refs;
}

const escape = (name: string): string => name.replace(/[^a-z0-9_]/g, '');

/** Names (tables or aliases) whose municipality_id is tied to a parameter or literal, directly or through equal columns. */
function anchoredNames(s: string): Set<string> {
  const col = '(?:([a-z_][a-z0-9_]*)\\.)?municipality_id';
  const value = "(?:\\$\\d+|''|[0-9a-f-]{36})";
  const anchored = new Set<string>();
  const edges: [string, string][] = [];
  const unqualified = '\u0000';
  for (const m of s.matchAll(new RegExp(`${col}\\s*=\\s*${value}`, 'g'))) anchored.add(m[1] ?? unqualified);
  for (const m of s.matchAll(new RegExp(`${value}\\s*=\\s*${col}`, 'g'))) anchored.add(m[1] ?? unqualified);
  for (const m of s.matchAll(new RegExp(`${col}\\s+in\\s*\\(\\s*${value}`, 'g'))) anchored.add(m[1] ?? unqualified);
  for (const m of s.matchAll(new RegExp(`${col}\\s*=\\s*${col}`, 'g')))
    edges.push([m[1] ?? unqualified, m[2] ?? unqualified]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [a, b] of edges) {
      if (anchored.has(a) !== anchored.has(b)) {
        anchored.add(a);
        anchored.add(b);
        grew = true;
      }
    }
  }
  return anchored;
}

/** What is wrong with a statement, or null when every tenant table in it is tied to a municipality. */
export function tenantProblem(statement: string): string | null {
  if (MARK.test(statement)) return null;
  const s = normalise(statement);
  const refs = tableRefs(s);
  if (refs.length === 0) return null;
  const anchored = anchoredNames(s);
  const unaliasedAnchor = anchored.has('\u0000');
  for (const ref of refs) {
    if (ref.insert) {
      const columns = /^\s*\(([^)]*)\)/.exec(s.slice(ref.at + s.slice(ref.at).indexOf(ref.table) + ref.table.length));
      if (columns?.[1]?.split(',').some((c) => c.trim() === 'municipality_id') !== true)
        return `INSERT INTO ${ref.table} without municipality_id`;
      continue;
    }
    if (anchored.has(escape(ref.name)) || anchored.has(ref.table)) continue;
    // `FROM team WHERE municipality_id = $1`: an unqualified filter belongs to the one table referred to by its own name.
    if (unaliasedAnchor && ref.name === ref.table && refs.filter((r) => !r.insert && r.name === r.table).length === 1)
      continue;
    return `${ref.table}${ref.name === ref.table ? '' : ` as ${ref.name}`} is not filtered by municipality_id`;
  }
  return null;
}

export class TenantIsolationError extends Error {
  constructor(problem: string, statement: string) {
    super(`Tenant guard: ${problem}\n  in: ${statement}`);
    this.name = 'TenantIsolationError';
  }
}

/** A Kysely plugin that refuses to run a statement on a tenant table without its municipality filter. */
export function tenantGuard(): KyselyPlugin {
  const compiler = new PostgresQueryCompiler();
  return {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      const compiled = compiler.compileQuery(args.node, args.queryId);
      const problem = tenantProblem(compiled.sql);
      if (problem !== null) throw new TenantIsolationError(problem, compiled.sql);
      return args.node;
    },
    transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      return Promise.resolve(args.result);
    },
  };
}
