// tsc compiles TypeScript only; the migrations (.sql), data files (.json) and the fonts the
// PDF renderer embeds (.ttf, with their licence .txt) that the compiled code reads at run time
// are copied beside it.
import { cpSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const from = 'src';
const to = 'dist';
const skip = new Set(['web']);

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (dir === from && skip.has(name)) continue;
      walk(full);
    } else if (/\.(sql|json|ttf|txt)$/.test(name)) {
      const target = path.join(to, path.relative(from, full));
      mkdirSync(path.dirname(target), { recursive: true });
      cpSync(full, target);
    }
  }
}
walk(from);
