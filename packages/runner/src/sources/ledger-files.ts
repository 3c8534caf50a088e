/**
 * An index over a directory of ledger files, searched recursively: raw `<seq>.xdr` files (one binary
 * LedgerCloseMeta each) and Galexie `.xdr.zst` / `.xdr.zstd` batches. Used by the `files:` source and
 * by `serve`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { SourceError } from '../errors.js';
import { readLedgerHeaderInfo } from '../ledger-header.js';
import { galexieNameRange, isGalexieFileName, readGalexieBatch, type LedgerBatch } from './galexie.js';

interface FileEntry {
  path: string;
  kind: 'raw' | 'batch';
}

/** Ledger files under one directory, indexed by sequence. */
export class LedgerFiles {
  /** The directory searched. */
  readonly dir: string;
  private index = new Map<number, FileEntry>();
  private known = new Set<string>();
  private lowest: number | undefined;
  private highest: number | undefined;
  private cachedBatch: { path: string; batch: LedgerBatch } | undefined;

  private constructor(dir: string) {
    this.dir = dir;
  }

  /**
   * Indexes `dir` recursively.
   * @throws {SourceError} SOURCE_INVALID when the directory cannot be read.
   */
  static async open(dir: string): Promise<LedgerFiles> {
    const files = new LedgerFiles(dir);
    await files.refresh();
    return files;
  }

  /** Lowest indexed ledger. */
  get first(): number | undefined {
    return this.lowest;
  }

  /** Highest indexed ledger. */
  get last(): number | undefined {
    return this.highest;
  }

  /** Number of indexed ledgers. */
  get size(): number {
    return this.index.size;
  }

  /** Whether the ledger is present. */
  has(sequence: number): boolean {
    return this.index.has(sequence);
  }

  /** Rescans the directory for files added since the last scan. */
  async refresh(): Promise<void> {
    let names: string[];
    try {
      names = (await readdir(this.dir, { recursive: true })) as string[];
    } catch (cause) {
      throw new SourceError('SOURCE_INVALID', `cannot read ledger directory ${this.dir}: ${(cause as Error).message}.`, {
        endpoint: `files:${this.dir}`,
        cause,
        hint: 'Pass an existing directory as files:DIR.',
      });
    }
    names.sort();
    for (const rel of names) {
      if (this.known.has(rel)) continue;
      const name = basename(rel);
      const path = join(this.dir, rel);
      if (isGalexieFileName(name)) {
        this.known.add(rel);
        const range = galexieNameRange(name) ?? (await this.batchAt(path)).batch;
        for (let s = range.start; s <= range.end; s++) this.add(s, { path, kind: 'batch' });
      } else if (name.endsWith('.xdr')) {
        this.known.add(rel);
        const m = /^(\d+)\.xdr$/.exec(name);
        const seq = m ? Number(m[1]) : readLedgerHeaderInfo(await readFile(path)).sequence;
        this.add(seq, { path, kind: 'raw' });
      }
    }
  }

  private add(sequence: number, entry: FileEntry): void {
    if (!this.index.has(sequence)) this.index.set(sequence, entry);
    if (this.lowest === undefined || sequence < this.lowest) this.lowest = sequence;
    if (this.highest === undefined || sequence > this.highest) this.highest = sequence;
  }

  private async batchAt(path: string): Promise<{ path: string; batch: LedgerBatch }> {
    if (this.cachedBatch?.path !== path) {
      this.cachedBatch = { path, batch: readGalexieBatch(await readFile(path), path) };
    }
    return this.cachedBatch;
  }

  /**
   * The LedgerCloseMeta bytes of one ledger.
   * @throws {SourceError} SOURCE_MISSING_LEDGER when no file holds it.
   */
  async read(sequence: number): Promise<Uint8Array> {
    const entry = this.index.get(sequence);
    if (!entry) throw this.missing(sequence);
    if (entry.kind === 'raw') return new Uint8Array(await readFile(entry.path));
    const { batch } = await this.batchAt(entry.path);
    const bytes = batch.ledgers[sequence - batch.start];
    if (!bytes) throw this.missing(sequence);
    return bytes;
  }

  /** The error for a ledger that no file holds. */
  missing(sequence: number): SourceError {
    const available = this.lowest === undefined ? 'no ledgers' : `ledgers ${this.lowest}-${this.highest} with gaps`;
    return new SourceError('SOURCE_MISSING_LEDGER', `ledger ${sequence} is missing from ${this.dir} (holds ${available}).`, {
      ledger: sequence,
      endpoint: `files:${this.dir}`,
      hint: 'Add the missing file or choose a range the directory covers.',
    });
  }
}
