/** Shared helpers for pipeline tests. */
import { pathToFileURL } from 'node:url';
import type { Chunk } from '../../src/range.js';
import type { LedgerSource, RawLedger } from '../../src/sources/source.js';

/** The header-only extractor module, for mechanics tests. */
export const headerExtractor = pathToFileURL(new URL('./header-extractor.ts', import.meta.url).pathname).href;

/** Wraps a source, recording every ledger it yields and letting a test alter the bytes. */
export class RecordingSource implements LedgerSource {
  readonly yielded: number[] = [];
  readonly description: string;

  constructor(
    private readonly inner: LedgerSource,
    private readonly alter: (l: RawLedger) => RawLedger = (l) => l,
  ) {
    this.description = inner.description;
  }

  async *stream(chunk: Chunk, signal: AbortSignal): AsyncIterable<RawLedger> {
    for await (const l of this.inner.stream(chunk, signal)) {
      this.yielded.push(l.sequence);
      yield this.alter(l);
    }
  }

  latestLedger(): Promise<number | undefined> {
    return this.inner.latestLedger();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** Inclusive list of integers. */
export function seqs(start: number, end: number): number[] {
  return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}

/** Sorted copy. */
export const sorted = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);
