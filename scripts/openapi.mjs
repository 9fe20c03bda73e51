// Writes the OpenAPI document of the real app, as `/api/docs/json` serves it, to
// dist/openapi.json (or the path given), so `npm run lint:api` can check it with redocly.
// Runs on the built server (`npm run build` first): an in-memory embedded database with every
// migration applied and a throwaway CPR key — nothing is read from or written to ./data.
// redocly runs its `recommended` rules with none disabled: errors fail `npm test`, warnings do
// not. The warnings left are true of the API: health, readiness, the session probe and the list
// of login providers have no 4xx answer, and the OpenID Connect start and callback answer 302.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = (file) => pathToFileURL(path.join(root, 'dist', 'server', file)).href;
const out = path.resolve(process.argv[2] ?? path.join(root, 'dist', 'openapi.json'));

const { buildApp } = await import(server('app.js'));
const { openDatabase } = await import(server('db/database.js'));
const { loadMigrations, migrate } = await import(server('db/migrate.js'));
const { CprKey, createCprKeyring } = await import(server('crypto/index.js'));

const db = await openDatabase({ driver: 'pglite' });
try {
  await migrate(db);
  const migrations = await loadMigrations();
  const keyring = createCprKeyring(CprKey.fromMasterKey(randomBytes(32), 'openapi'));
  const app = await buildApp({ db, migrationCount: migrations.length, keyring });
  await app.ready();
  const document = app.swagger();
  await app.close();
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  const operations = Object.values(document.paths ?? {}).reduce((n, item) => n + Object.keys(item).length, 0);
  console.log(`openapi: ${operations} operations written to ${path.relative(process.cwd(), out)}`);
} finally {
  await db.close();
}
