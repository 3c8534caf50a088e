/** `files:DIR`: ledgers read from a directory of raw `.xdr` and Galexie files. */
import type { Chunk } from '../range.js';
import { LedgerFiles } from './ledger-files.js';
import { sleep, type LedgerSource, type RawLedger } from './source.js';

/** Options of {@link FilesLedgerSource}. */
export interface FilesSourceOptions {
  /** How often to rescan the directory while following the tip, in ms. Default 1000. */
  pollIntervalMs?: number;
}

/**
 * Reads ledgers from files. A ledger absent while later ones exist, or past the last file of a
 * bounded chunk, is an error naming it; an open-ended chunk waits for new files at the tip.
 */
export class FilesLedgerSource implements LedgerSource {
  readonly description: string;
  private readonly pollIntervalMs: number;

  private constructor(private readonly files: LedgerFiles, options: FilesSourceOptions) {
    this.description = `files:${files.dir}`;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
  }

  /** Indexes the directory. */
  static async open(dir: string, options: FilesSourceOptions = {}): Promise<FilesLedgerSource> {
    return new FilesLedgerSource(await LedgerFiles.open(dir), options);
  }

  async *stream(chunk: Chunk, signal: AbortSignal): AsyncIterable<RawLedger> {
    for (let seq = chunk.start; chunk.end === undefined || seq <= chunk.end; seq++) {
      while (!this.files.has(seq)) {
        const last = this.files.last;
        if (chunk.end !== undefined || (last !== undefined && seq <= last)) throw this.files.missing(seq);
        await sleep(this.pollIntervalMs, signal);
        if (signal.aborted) return;
        await this.files.refresh();
      }
      if (signal.aborted) return;
      yield { sequence: seq, bytes: await this.files.read(seq) };
    }
  }

  async latestLedger(): Promise<number | undefined> {
    return this.files.last;
  }

  async close(): Promise<void> {}
}
