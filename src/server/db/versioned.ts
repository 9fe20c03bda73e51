import { versionConflict, notFound, type Message } from '../errors.js';

/**
 * No lost updates: an UPDATE that carried the version it read changed exactly one row, or
 * someone else changed it first. Then the caller gets 409 with the current record.
 */
export async function expectOneUpdated(
  result: { numUpdatedRows: bigint },
  current: () => Promise<Record<string, unknown> | undefined>,
  missing?: Message,
): Promise<void> {
  if (result.numUpdatedRows === 1n) return;
  const now = await current();
  if (now === undefined) throw notFound(missing);
  throw versionConflict(now);
}
