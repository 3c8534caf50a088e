/**
 * Where flush files go: into the lake's data path, registered as they are, or into the spool, a
 * private local directory per sink whose files DuckDB reads while it inserts their rows.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { messageOf, SinkError } from './errors.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A sink's spool directory. */
export class Spool {
  /** The directory of this sink. */
  readonly dir: string;
  private next = 0;

  private constructor(dir: string) {
    this.dir = dir;
  }

  /**
   * Creates `<root>/<pid>-XXXXXX`, first removing directories left there by processes that no
   * longer run. Throws `SinkError` `DATA_PATH_NOT_WRITABLE` when the root cannot be written.
   */
  static create(root: string): Spool {
    try {
      mkdirSync(root, { recursive: true });
      for (const name of readdirSync(root)) {
        const pid = Number(/^(\d+)-/.exec(name)?.[1]);
        if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) rmSync(join(root, name), { recursive: true, force: true });
      }
      return new Spool(mkdtempSync(join(root, `${process.pid}-`)));
    } catch (e) {
      throw new SinkError('DATA_PATH_NOT_WRITABLE', `cannot use the spool directory ${root}: ${messageOf(e)}.`, {
        cause: e,
        hint: 'Give a writable local spoolDirectory.',
      });
    }
  }

  /** Writes `chunks` in order to a new file named after `label`; returns its path. */
  async write(label: string, chunks: readonly Uint8Array[]): Promise<string> {
    const path = join(this.dir, `${label}-${this.next++}.parquet`);
    await writeChunks(path, chunks, false);
    return path;
  }

  /** Removes the directory. */
  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Deletes flush files (spool files, or lake files of a flush that did not commit); errors are
 * ignored: the spool directory goes on close, and `compact()` deletes unreferenced lake files.
 */
export async function removeFiles(paths: readonly string[]): Promise<void> {
  await Promise.all(paths.map((p) => rm(p, { force: true }).catch(() => undefined)));
}

async function writeChunks(path: string, chunks: readonly Uint8Array[], durable: boolean): Promise<void> {
  const fh = await open(path, 'wx');
  try {
    await fh.writev(chunks as Uint8Array[]);
    if (durable) await fh.datasync();
  } finally {
    await fh.close();
  }
}

/** Writes a Parquet file durably as `<dir>/ducklake-<uuid>.parquet` (creating `dir`); returns its path. */
export async function writeLakeFile(dir: string, chunks: readonly Uint8Array[]): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `ducklake-${randomUUID()}.parquet`);
  await writeChunks(path, chunks, true);
  return path;
}
