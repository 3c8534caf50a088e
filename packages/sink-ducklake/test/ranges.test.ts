import { describe, expect, test } from 'vitest';
import { countLedgers, formatRanges, intersectRanges, mergeRanges, missingRanges, rangesContain, rangesOf } from '../src/ranges.js';

describe('ledger range arithmetic (inclusive ranges)', () => {
  test('mergeRanges sorts, merges overlapping and adjacent ranges', () => {
    expect(mergeRanges([{ start: 10, end: 12 }, { start: 1, end: 3 }, { start: 4, end: 5 }, { start: 11, end: 20 }, { start: 22, end: 22 }])).toEqual([
      { start: 1, end: 5 },
      { start: 10, end: 20 },
      { start: 22, end: 22 },
    ]);
    expect(mergeRanges([])).toEqual([]);
    expect(mergeRanges([{ start: 5, end: 9 }, { start: 6, end: 7 }])).toEqual([{ start: 5, end: 9 }]);
  });

  test('rangesOf groups consecutive sequences, ignoring duplicates and order', () => {
    expect(rangesOf([7, 3, 4, 5, 9, 4, 10])).toEqual([
      { start: 3, end: 5 },
      { start: 7, end: 7 },
      { start: 9, end: 10 },
    ]);
  });

  test('rangesContain matches both ends and nothing between ranges', () => {
    const r = [{ start: 3, end: 5 }, { start: 9, end: 10 }];
    expect([2, 3, 5, 6, 8, 9, 10, 11].map((x) => rangesContain(r, x))).toEqual([false, true, true, false, false, true, true, false]);
    expect(rangesContain([], 1)).toBe(false);
  });

  test('missingRanges covers exactly the uncovered ledgers of the range', () => {
    const covered = [{ start: 3, end: 5 }, { start: 9, end: 10 }];
    const gaps = missingRanges({ start: 1, end: 12 }, covered);
    expect(gaps).toEqual([
      { start: 1, end: 2 },
      { start: 6, end: 8 },
      { start: 11, end: 12 },
    ]);
    // Every ledger of 1..12 is in exactly one of covered ∪ gaps.
    for (let x = 1; x <= 12; x++) expect(Number(rangesContain(covered, x)) + Number(rangesContain(gaps, x))).toBe(1);
    expect(missingRanges({ start: 4, end: 5 }, covered)).toEqual([]);
    expect(missingRanges({ start: 4, end: 5 }, [])).toEqual([{ start: 4, end: 5 }]);
  });

  test('intersectRanges, countLedgers, formatRanges', () => {
    expect(intersectRanges([{ start: 1, end: 10 }, { start: 20, end: 30 }], [{ start: 5, end: 25 }])).toEqual([
      { start: 5, end: 10 },
      { start: 20, end: 25 },
    ]);
    expect(countLedgers([{ start: 1, end: 10 }, { start: 20, end: 20 }])).toBe(11);
    expect(formatRanges([{ start: 1, end: 10 }, { start: 20, end: 20 }])).toBe('1-10, 20');
  });
});
