// Lets a browser journey make weeks pass on the server under test: a module loaded with
// `node --import` (through NODE_OPTIONS) before the server starts makes Date read "now" plus
// the milliseconds written in a file the test controls (0 or no file: the real time). Timers
// are left alone.

/** Runs inside the server process, so it must not use anything from this module's scope. */
function installShiftedClock(file: string, readFileSync: (path: string, encoding: 'utf8') => string): void {
  const RealDate = Date;
  const realNow = (): number => RealDate.now();
  let offset = 0;
  let readAt = Number.NEGATIVE_INFINITY;
  // Re-read at most every 50 ms: cheap enough for every Date the server makes.
  const now = (): number => {
    const at = realNow();
    if (at - readAt > 50) {
      readAt = at;
      try {
        const value = Number(readFileSync(file, 'utf8').trim());
        offset = Number.isFinite(value) ? value : 0;
      } catch {
        offset = 0;
      }
    }
    return at + offset;
  };
  globalThis.Date = new Proxy(RealDate, {
    construct(target, args: unknown[], newTarget: NewableFunction): object {
      return Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget) as object;
    },
    apply(): string {
      return new RealDate(now()).toString();
    },
    get(target, property, receiver): unknown {
      return property === 'now' ? now : Reflect.get(target, property, receiver);
    },
  });
}

/** The `--import=…` option that installs the shifted clock, reading its offset from `file`. */
export function shiftedClockImport(file: string): string {
  const source = `import { readFileSync } from 'node:fs';\n(${installShiftedClock.toString()})(${JSON.stringify(file)}, readFileSync);\n`;
  return `--import=data:text/javascript;base64,${Buffer.from(source).toString('base64')}`;
}
