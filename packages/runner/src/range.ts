/**
 * Ledger range arithmetic. Every range in this package is INCLUSIVE at both ends:
 * `{ start: 5, end: 7 }` is the ledgers 5, 6 and 7.
 */

import { mergeRanges, type LedgerRange } from '@stellar-ducklake/sink-ducklake';

export type { LedgerRange };

/** A range to read; `end` undefined means open-ended (follow the tip). */
export interface OpenLedgerRange {
  /** First ledger. */
  start: number;
  /** Last ledger (inclusive), or undefined to follow the tip. */
  end?: number | undefined;
}

/** A contiguous piece of work for one stream; `end` undefined means it follows the tip. */
export interface Chunk {
  /** First ledger. */
  start: number;
  /** Last ledger (inclusive), or undefined for the open tail. */
  end: number | undefined;
}

/** Number of ledgers in an inclusive range. */
export function rangeSize(range: LedgerRange): number {
  return range.end - range.start + 1;
}

export { mergeRanges };

/**
 * The ledgers of `range` not in `committed`, as ascending disjoint ranges. An open range yields an
 * open last piece (`end` undefined).
 */
export function missingRanges(range: OpenLedgerRange, committed: readonly LedgerRange[]): Chunk[] {
  const out: Chunk[] = [];
  let cursor = range.start;
  const end = range.end ?? Number.POSITIVE_INFINITY;
  for (const c of mergeRanges(committed)) {
    if (c.end < cursor) continue;
    if (c.start > end) break;
    if (c.start > cursor) out.push({ start: cursor, end: Math.min(c.start - 1, end) });
    cursor = c.end + 1;
    if (cursor > end) return out;
  }
  out.push({ start: cursor, end: range.end === undefined ? undefined : end });
  return out.filter((c) => c.end === undefined || c.end >= c.start);
}

/**
 * Splits the not-yet-committed ledgers of `range` into contiguous chunks for `streams` concurrent
 * streams.
 *
 * The chunks cover exactly the ledgers of `range` absent from `committed`, never overlap, and come in
 * ascending order. Each gap between committed ranges is at least one chunk; the finite work is cut
 * into `streams` chunks in all (fewer when there are fewer ledgers), spread so chunk sizes are as
 * equal as the gaps allow, each gap cut into near-equal parts, and no finite chunk is longer than
 * `maxChunk` ledgers (more, smaller chunks keep concurrent streams close together, which bounds
 * what an in-order consumer must hold back). An open-ended `range` gives one open tail chunk
 * (`end` undefined), which is never split. There may be more chunks than streams; the caller runs
 * at most `streams` at a time, taking chunks in ascending order.
 *
 * @example
 * planChunks({ start: 1, end: 12 }, [{ start: 4, end: 6 }], 3)
 * // → [{start:1,end:3}, {start:7,end:9}, {start:10,end:12}]
 */
export function planChunks(range: OpenLedgerRange, committed: readonly LedgerRange[], streams: number, maxChunk = Infinity): Chunk[] {
  if (!Number.isInteger(streams) || streams < 1) throw new RangeError(`streams must be a positive integer, got ${streams}`);
  if (!(maxChunk >= 1)) throw new RangeError(`maxChunk must be at least 1, got ${maxChunk}`);
  if (range.end !== undefined && range.end < range.start) throw new RangeError(`range end ${range.end} is before start ${range.start}`);
  const pieces = missingRanges(range, committed);
  const finite = pieces.filter((p): p is LedgerRange => p.end !== undefined);
  const tail = pieces.find((p) => p.end === undefined);
  const target = Math.max(streams - (tail ? 1 : 0), 1);
  // Give each finite piece one chunk, then hand out the rest one at a time to the piece whose chunks
  // are currently the largest; finally cut each piece into that many near-equal parts.
  const parts = finite.map(() => 1);
  for (let extra = target - finite.length; extra > 0; extra--) {
    let best = -1;
    let bestLoad = 1;
    for (let i = 0; i < finite.length; i++) {
      const size = rangeSize(finite[i]!);
      const load = size / parts[i]!;
      if (parts[i]! < size && load > bestLoad) {
        best = i;
        bestLoad = load;
      }
    }
    if (best < 0) break;
    parts[best]!++;
  }
  const split: LedgerRange[] = [];
  finite.forEach((p, i) => {
    const size = rangeSize(p);
    const n = Math.max(parts[i]!, Math.ceil(size / maxChunk));
    let start = p.start;
    for (let k = 0; k < n; k++) {
      const len = Math.floor(size / n) + (k < size % n ? 1 : 0);
      split.push({ start, end: start + len - 1 });
      start += len;
    }
  });
  const chunks: Chunk[] = split.map((p) => ({ start: p.start, end: p.end }));
  chunks.sort((a, b) => a.start - b.start);
  if (tail) chunks.push({ start: tail.start, end: undefined });
  return chunks;
}
