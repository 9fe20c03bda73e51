import { clearLogs, scanLogs } from './log-scan.js';

export function setup(): void {
  // MEDSPILLER_KEEP_LOGS=1 keeps earlier logs (used to prove the check can fail).
  if (process.env.MEDSPILLER_KEEP_LOGS !== '1') clearLogs();
}

export function teardown(): void {
  const { files, bytes, hits } = scanLogs();
  process.stdout.write(
    `CPR log check: ${files} server log file(s), ${bytes} bytes scanned, ${hits.length} CPR-like match(es).\n`,
  );
  if (hits.length > 0) {
    // A throw here is only printed by vitest; the exit code is what CI reads.
    process.stderr.write(`CPR-like numbers in server logs at ${hits.slice(0, 20).join(', ')}\n`);
    process.exitCode = 1;
  }
}
