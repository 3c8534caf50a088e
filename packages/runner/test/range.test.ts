import { describe, expect, it } from 'vitest';
import { mergeRanges, missingRanges, planChunks, type Chunk, type LedgerRange } from '../src/range.js';

/** The set of ledgers a list of finite chunks covers, failing on overlap. */
function covered(chunks: readonly Chunk[]): number[] {
  const seen = new Set<number>();
  for (const c of chunks) {
    expect(c.end).toBeDefined();
    expect(c.end!).toBeGreaterThanOrEqual(c.start);
    for (let s = c.start; s <= c.end!; s++) {
      expect(seen.has(s), `ledger ${s} in two chunks`).toBe(false);
      seen.add(s);
    }
  }
  return [...seen].sort((a, b) => a - b);
}

/** A tiny deterministic PRNG so the property test is reproducible. */
function prng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

describe('planChunks', () => {
  it('caps chunk length at maxChunk and keeps exact coverage', () => {
    const chunks = planChunks({ start: 10, end: 109 }, [{ start: 50, end: 59 }], 3, 16);
    expect(chunks.every((c) => c.end! - c.start + 1 <= 16)).toBe(true);
    const covered = chunks.flatMap((c) => Array.from({ length: c.end! - c.start + 1 }, (_, i) => c.start + i));
    const expected = Array.from({ length: 100 }, (_, i) => 10 + i).filter((l) => l < 50 || l > 59);
    expect(covered).toEqual(expected);
    expect(() => planChunks({ start: 1, end: 2 }, [], 1, 0)).toThrow(RangeError);
  });

  it('splits a fresh range into near-equal contiguous chunks, inclusive at both ends', () => {
    expect(planChunks({ start: 1, end: 12 }, [], 3)).toEqual([
      { start: 1, end: 4 },
      { start: 5, end: 8 },
      { start: 9, end: 12 },
    ]);
    expect(planChunks({ start: 30822015, end: 30822025 }, [], 6).map((c) => c.end! - c.start + 1)).toEqual([2, 2, 2, 2, 2, 1]);
  });

  it('never makes more chunks than ledgers', () => {
    expect(planChunks({ start: 7, end: 8 }, [], 6)).toEqual([
      { start: 7, end: 7 },
      { start: 8, end: 8 },
    ]);
    expect(planChunks({ start: 7, end: 7 }, [], 6)).toEqual([{ start: 7, end: 7 }]);
  });

  it('skips committed ledgers, keeping each gap a chunk of its own', () => {
    expect(planChunks({ start: 1, end: 12 }, [{ start: 4, end: 6 }], 3)).toEqual([
      { start: 1, end: 3 },
      { start: 7, end: 9 },
      { start: 10, end: 12 },
    ]);
    // More gaps than streams: one chunk per gap, run at most `streams` at a time by the caller.
    expect(planChunks({ start: 1, end: 9 }, [{ start: 2, end: 2 }, { start: 4, end: 4 }, { start: 6, end: 8 }], 2)).toEqual([
      { start: 1, end: 1 },
      { start: 3, end: 3 },
      { start: 5, end: 5 },
      { start: 9, end: 9 },
    ]);
  });

  it('returns nothing for a fully committed range (a finished range re-run does nothing)', () => {
    expect(planChunks({ start: 10, end: 20 }, [{ start: 1, end: 15 }, { start: 16, end: 30 }], 6)).toEqual([]);
  });

  it('keeps an open range as one open tail chunk after the finite gaps', () => {
    expect(planChunks({ start: 1 }, [{ start: 5, end: 9 }], 6)).toEqual([
      { start: 1, end: 1 },
      { start: 2, end: 2 },
      { start: 3, end: 3 },
      { start: 4, end: 4 },
      { start: 10, end: undefined },
    ]);
    expect(planChunks({ start: 100 }, [], 6)).toEqual([{ start: 100, end: undefined }]);
  });

  it('rejects invalid input', () => {
    expect(() => planChunks({ start: 5, end: 4 }, [], 1)).toThrow(/before start/);
    expect(() => planChunks({ start: 1, end: 4 }, [], 0)).toThrow(/positive integer/);
  });

  it('covers exactly the uncommitted ledgers, without overlap, for many random cases', () => {
    const random = prng(42);
    for (let trial = 0; trial < 500; trial++) {
      const start = 1 + Math.floor(random() * 20);
      const end = start + Math.floor(random() * 40);
      const committed: LedgerRange[] = [];
      for (let k = Math.floor(random() * 5); k > 0; k--) {
        const s = Math.floor(random() * 70);
        committed.push({ start: s, end: s + Math.floor(random() * 8) });
      }
      const streams = 1 + Math.floor(random() * 8);
      const chunks = planChunks({ start, end }, committed, streams);
      const expected: number[] = [];
      for (let s = start; s <= end; s++) if (!committed.some((c) => s >= c.start && s <= c.end)) expected.push(s);
      expect(covered(chunks)).toEqual(expected);
      // Ascending, and each chunk contiguous inside one uncommitted gap.
      for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.start).toBeGreaterThan(chunks[i - 1]!.end!);
      for (const c of chunks) for (let s = c.start; s <= c.end!; s++) expect(expected).toContain(s);
      // As many chunks as streams allow, but at least one per gap and never more than ledgers.
      const gaps = expected.filter((s, i) => i === 0 || expected[i - 1] !== s - 1).length;
      expect(chunks.length).toBe(Math.max(gaps, Math.min(streams, expected.length)));
    }
  });
});

describe('mergeRanges / missingRanges', () => {
  it('merges overlapping and adjacent ranges', () => {
    expect(mergeRanges([{ start: 5, end: 6 }, { start: 1, end: 2 }, { start: 3, end: 3 }, { start: 6, end: 9 }, { start: 20, end: 19 }])).toEqual([
      { start: 1, end: 3 },
      { start: 5, end: 9 },
    ]);
  });

  it('lists the gaps of a range', () => {
    expect(missingRanges({ start: 1, end: 10 }, [{ start: 0, end: 2 }, { start: 5, end: 6 }, { start: 10, end: 12 }])).toEqual([
      { start: 3, end: 4 },
      { start: 7, end: 9 },
    ]);
  });
});
