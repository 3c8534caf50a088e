import { PassThrough } from 'node:stream';
import { extractLedger, Networks } from '@stellar-ducklake/extract';
import { describe, expect, it } from 'vitest';
import { JsonLinesSink } from '../src/json-lines-sink.js';
import { expectedLines, haveFixtures, ledgerBytes } from './support/fixtures.js';

const run = haveFixtures() ? describe : describe.skip;

run('JsonLinesSink', () => {
  it('prints stellar-etl lines in ledger order whatever order ledgers arrive in', async () => {
    const out = new PassThrough();
    const sink = new JsonLinesSink('ledgers', { start: 30822015 }, out);
    for (const seq of [30822017, 30822015, 30822016]) {
      await sink.write(extractLedger(ledgerBytes(seq), { networkPassphrase: Networks.PUBNET }));
      if (seq === 30822017) expect(out.read()).toBeNull(); // held until 30822015 and 30822016 arrive
    }
    const lines = String(out.read()).split('\n').filter(Boolean);
    expect(lines).toEqual([30822015, 30822016, 30822017].flatMap((s) => expectedLines('ledgers', s)!));
  });
});
