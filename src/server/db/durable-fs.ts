import { closeSync, existsSync, fsyncSync, openSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

// PGlite 0.5 writes every page and WAL record straight through to the data directory
// (Emscripten's NODEFS calls fs.writeSync), so a commit survives kill -9, but it never flushes the
// OS page cache, so a power loss can lose acknowledged commits or tear pages:
// - its default start parameters include `-F` (fsync=off), so postgres skips every flush;
// - even with fsync=on, NODEFS has no `fsync` stream operation (the fd_sync import then does
//   nothing) and Emscripten's fdatasync syscall is a stub that returns 0.
// We give NODEFS a real fsync, run postgres without `-F` and with wal_sync_method=fsync (the one
// method that reaches fd_sync), so a commit is acknowledged only after its WAL is on disk, as on
// a PostgreSQL server with its defaults.

interface NodeFsStream {
  nfd?: number;
  node: unknown;
}

interface NodeFsInternals {
  stream_ops: { fsync?: (stream: NodeFsStream) => number };
  realPath(node: unknown): string;
  /** Turns a Node error into the errno postgres sees (an fsync failure there is a PANIC). */
  tryFSOperation<T>(fn: () => T): T;
}

type PostgresModOptions = Parameters<NodeFS['init']>[1];

export class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: PostgresModOptions) {
    return super.init(pg, {
      ...opts,
      preRun: [
        ...(opts.preRun ?? []),
        (mod) => {
          const nodefs = mod.NODEFS as unknown as NodeFsInternals;
          nodefs.stream_ops.fsync = (stream) =>
            nodefs.tryFSOperation(() => {
              if (stream.nfd !== undefined) {
                fsyncSync(stream.nfd);
                return 0;
              }
              // NODEFS opens no host descriptor for a directory; postgres fsyncs directories
              // after creating or renaming files in them (WAL segments, relation files).
              const fd = openSync(nodefs.realPath(stream.node), 'r');
              try {
                fsyncSync(fd);
              } finally {
                closeSync(fd);
              }
              return 0;
            });
        },
      ],
    });
  }
}

/** PGlite's start parameters with fsync on and a WAL flush method that reaches the disk. */
export const durableStartParams: string[] = [
  ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
  '-c',
  'wal_sync_method=fsync',
];

function fsyncTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) fsyncTree(full);
    else if (entry.isFile()) fsyncPath(full);
  }
  fsyncPath(dir);
}

function fsyncPath(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Opens PGlite on `dataDir` so that every acknowledged commit is on disk. */
export async function createDurablePglite(dataDir: string, options: PGliteOptions = {}): Promise<PGlite> {
  // initdb (a separate WASM program) writes a new cluster without flushing it; flush it once.
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  const pglite = await PGlite.create({ ...options, fs: new DurableNodeFS(dataDir), startParams: durableStartParams });
  if (fresh) fsyncTree(dataDir);
  return pglite;
}
