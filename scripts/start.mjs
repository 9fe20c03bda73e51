// `npm start`: build what is missing or older than its sources, then run `medspiller start`
// in this same process (so Ctrl-C and SIGTERM reach the server's graceful shutdown directly).
// package.json runs it with `exec`: npm passes SIGTERM to its child only, and a `sh -c` in between
// would die of it and leave the server running (test/cli/npm-start.test.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const serverStamp = mtime('dist/.tsbuildinfo');
if (serverStamp === 0 || ['src/core', 'src/server', 'src/cli'].some((d) => newest(d) > serverStamp)) {
  console.log('Building the server…');
  execFileSync(bin('tsc'), ['-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/copy-assets.mjs'], { stdio: 'inherit' });
  // tsc leaves its build info untouched when nothing changed; mark the build as current anyway.
  const now = new Date();
  utimesSync('dist/.tsbuildinfo', now, now);
}
const webStamp = mtime('dist/web/index.html');
if (webStamp === 0 || newest('src/web') > webStamp) {
  console.log('Building the web app…');
  execFileSync(bin('vite'), ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
}

process.argv = [process.argv[0], path.join(root, 'dist/cli/main.js'), 'start', ...process.argv.slice(2)];
await import('../dist/cli/main.js');
