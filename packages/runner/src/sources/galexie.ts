/**
 * Galexie data-lake files: zstd-compressed XDR `LedgerCloseMetaBatch`
 * (`startSequence u32, endSequence u32, ledgerCloseMetas<LedgerCloseMeta>`), named in the SDF
 * bucket layout, e.g. `FFC567FF--3840000-3903999/FFC54DFF--3846656.xdr.zst` (one ledger) or
 * `…--3846656-3846719.xdr.zst` (a batch).
 */
import { splitLedgerCloseMetaBatch, type LedgerBatch } from '@stellar-ducklake/extract';
import { decompress } from 'fzstd';
import { LedgerDataError } from '../errors.js';

export type { LedgerBatch };

/** Whether a file name looks like a zstd-compressed batch. */
export function isGalexieFileName(name: string): boolean {
  return /\.xdr\.zstd?$/.test(name);
}

/** The ledger range encoded in a Galexie file name, or undefined when the name carries none. */
export function galexieNameRange(name: string): { start: number; end: number } | undefined {
  const m = /--(\d+)(?:-(\d+))?\.xdr\.zstd?$/.exec(name);
  if (!m) return undefined;
  const start = Number(m[1]);
  return { start, end: m[2] === undefined ? start : Number(m[2]) };
}

/**
 * Decompresses a Galexie file and splits it into one LedgerCloseMeta per ledger (views into the
 * decompressed buffer, no re-encoding).
 * @throws {LedgerDataError} when the file is not a valid zstd LedgerCloseMetaBatch.
 */
export function readGalexieBatch(compressed: Uint8Array, fileName: string): LedgerBatch {
  let raw: Uint8Array;
  try {
    raw = decompress(compressed);
  } catch (cause) {
    throw new LedgerDataError(`${fileName} is not valid zstd data.`, { cause, hint: 'Re-download the file.' });
  }
  try {
    return splitLedgerCloseMetaBatch(raw);
  } catch (cause) {
    throw new LedgerDataError(`${fileName} is not a valid LedgerCloseMetaBatch: ${(cause as Error).message}.`, {
      cause,
      hint: 'Re-download the file.',
    });
  }
}

/** Reads only the declared range of a Galexie file (decompresses it). */
export function galexieFileRange(compressed: Uint8Array, fileName: string): { start: number; end: number } {
  const b = readGalexieBatch(compressed, fileName);
  return { start: b.start, end: b.end };
}
