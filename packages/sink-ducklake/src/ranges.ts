/**
 * Arithmetic on closed ledger ranges. Every range here includes both `start` and `end`; merged
 * lists are ascending, non-overlapping and non-adjacent (`[1,3]` and `[4,6]` merge into `[1,6]`).
 */
import type { LedgerRange } from './types.js';

/** Sorts and merges overlapping or adjacent ranges; empty ranges (`end < start`) are dropped. */
export function mergeRanges(ranges: readonly LedgerRange[]): LedgerRange[] {
  const sorted = ranges.filter((r) => r.end >= r.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: LedgerRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && r.start <= last.end + 1) {
      if (r.end > last.end) last.end = r.end;
    } else {
      out.push({ start: r.start, end: r.end });
    }
  }
  return out;
}

/** The merged ranges covering a set of ledger sequences. */
export function rangesOf(ledgers: Iterable<number>): LedgerRange[] {
  const sorted = [...ledgers].sort((a, b) => a - b);
  const out: LedgerRange[] = [];
  for (const seq of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && seq <= last.end + 1) {
      if (seq > last.end) last.end = seq;
    } else {
      out.push({ start: seq, end: seq });
    }
  }
  return out;
}

/** Whether `ledger` lies in one of the merged, ascending `ranges` (binary search). */
export function rangesContain(ranges: readonly LedgerRange[], ledger: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (ledger < r.start) hi = mid - 1;
    else if (ledger > r.end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The parts of `ranges` that also lie in `other` (both merged and ascending). */
export function intersectRanges(ranges: readonly LedgerRange[], other: readonly LedgerRange[]): LedgerRange[] {
  const out: LedgerRange[] = [];
  let i = 0;
  let j = 0;
  while (i < ranges.length && j < other.length) {
    const a = ranges[i]!;
    const b = other[j]!;
    const start = Math.max(a.start, b.start);
    const end = Math.min(a.end, b.end);
    if (start <= end) out.push({ start, end });
    if (a.end < b.end) i++;
    else j++;
  }
  return out;
}

/** The ledgers of `within` that no range of `covered` (merged, ascending) contains. */
export function missingRanges(within: LedgerRange, covered: readonly LedgerRange[]): LedgerRange[] {
  const out: LedgerRange[] = [];
  let next = within.start;
  for (const r of covered) {
    if (r.end < next) continue;
    if (r.start > within.end) break;
    if (r.start > next) out.push({ start: next, end: r.start - 1 });
    next = r.end + 1;
    if (next > within.end) break;
  }
  if (next <= within.end) out.push({ start: next, end: within.end });
  return out;
}

/** Number of ledgers in merged ranges. */
export function countLedgers(ranges: readonly LedgerRange[]): number {
  return ranges.reduce((n, r) => n + (r.end - r.start + 1), 0);
}

/** Human-readable list, e.g. `100-199, 250`; long lists are shortened in the middle. */
export function formatRanges(ranges: readonly LedgerRange[], max = 20): string {
  const parts = ranges.map((r) => (r.start === r.end ? `${r.start}` : `${r.start}-${r.end}`));
  if (parts.length <= max) return parts.join(', ');
  const head = parts.slice(0, max - 2);
  return `${head.join(', ')}, … (${parts.length - max + 1} more), ${parts[parts.length - 1]}`;
}
