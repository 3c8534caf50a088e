/** Human-readable ledger range lists. */
import type { LedgerRange } from './range.js';

/** `1-5,9,12-20`, or `none`. */
export function formatRangeList(ranges: readonly LedgerRange[]): string {
  if (!ranges.length) return 'none';
  return ranges.map((r) => (r.start === r.end ? `${r.start}` : `${r.start}-${r.end}`)).join(',');
}
