/** Header reads and batch splitting straight from the bytes, checked against stellar-etl's rows. */
import { describe, expect, it } from 'vitest';
import { readLedgerHeader, splitLedgerCloseMetaBatch } from '../src/ledger-bytes.js';
import { expectedLines, haveFixtures, manifest, readFixture } from './fixtures.js';

const present = haveFixtures();

describe.skipIf(!present)('ledger bytes', () => {
  it('reads sequence and hashes as stellar-etl reports them', () => {
    for (const f of manifest.ledgers.filter((l) => l.expected.includes('ledgers'))) {
      const etl = JSON.parse(expectedLines('ledgers', f.sequence)[0]!) as { sequence: number; ledger_hash: string; previous_ledger_hash: string };
      expect(readLedgerHeader(readFixture(f.file))).toEqual({
        version: 0,
        sequence: etl.sequence,
        hash: etl.ledger_hash,
        previousLedgerHash: etl.previous_ledger_hash,
      });
    }
    for (const m of manifest.modern) {
      const h = readLedgerHeader(readFixture(m.file));
      expect([h.version, h.sequence]).toEqual([m.lcmVersion, m.sequence]);
    }
  });

  it('rejects an unknown LedgerCloseMeta arm and truncated bytes', () => {
    expect(() => readLedgerHeader(new Uint8Array([0, 0, 0, 7]))).toThrow(expect.objectContaining({ code: 'XDR_UNKNOWN_ARM' }));
    expect(() => readLedgerHeader(readFixture(manifest.ledgers[0]!.file).subarray(0, 60))).toThrow(
      expect.objectContaining({ code: 'XDR_TRUNCATED' }),
    );
  });

  it('splits a LedgerCloseMetaBatch into the exact bytes of each ledger', () => {
    const a = readFixture('ledgers/30822015.xdr');
    const b = readFixture('ledgers/30822016.xdr');
    const batch = new Uint8Array(12 + a.length + b.length);
    const dv = new DataView(batch.buffer);
    dv.setUint32(0, 30822015);
    dv.setUint32(4, 30822016);
    dv.setUint32(8, 2);
    batch.set(a, 12);
    batch.set(b, 12 + a.length);
    const split = splitLedgerCloseMetaBatch(batch);
    expect([split.start, split.end]).toEqual([30822015, 30822016]);
    expect(Buffer.from(split.ledgers[0]!).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(split.ledgers[1]!).equals(Buffer.from(b))).toBe(true);
    dv.setUint32(8, 3);
    expect(() => splitLedgerCloseMetaBatch(batch)).toThrow(/declares ledgers 30822015-30822016 but holds 3/);
    dv.setUint32(8, 2);
    expect(() => splitLedgerCloseMetaBatch(batch.subarray(0, batch.length - 8))).toThrow(expect.objectContaining({ code: 'XDR_TRUNCATED' }));
  });
});
