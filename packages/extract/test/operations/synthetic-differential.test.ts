/**
 * Differential test against the real stellar-etl on the synthetic operation ledgers
 * (synthetic-ledgers.ts): every operations line the extractor writes must equal stellar-etl's, in
 * order, byte for byte. stellar-etl's rows come from the golden generator run on those ledgers
 * (see write-synthetic-ledgers.ts), under `<golden>/synthetic-operations`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractLedger } from '../../src/extract-ledger.js';
import { toEtlJson } from '../../src/json.js';
import { expectSameLines, goldenDir } from '../differential/golden-output.js';
import { SYNTHETIC_PASSPHRASE, syntheticOperationLedgers } from './synthetic-ledgers.js';

const dir = join(goldenDir, 'synthetic-operations', 'pubnet');
const present = existsSync(join(dir, 'manifest.json'));
if (!present) {
  const msg = `stellar-etl rows for the synthetic operation ledgers not found at ${dir}: generate them with test/operations/write-synthetic-ledgers.ts and scripts/golden/golden.mjs`;
  if (process.env.CI === 'true') throw new Error(msg);
  console.warn(`${msg}; the synthetic differential test is skipped`);
}

describe.skipIf(!present)('stellar-etl vs extractor on the synthetic operation ledgers', () => {
  for (const ledger of syntheticOperationLedgers()) {
    it(`ledger ${ledger.sequence}: operations rows equal stellar-etl byte for byte`, () => {
      const expected = readFileSync(join(dir, 'operations', `${ledger.sequence}.jsonl`), 'utf8').split('\n').filter((l) => l.length > 0);
      expect(expected.length).toBeGreaterThan(0);
      const rows = extractLedger(ledger.bytes, { networkPassphrase: SYNTHETIC_PASSPHRASE }).operations;
      expectSameLines(
        rows.map((r) => toEtlJson('operations', r)),
        expected,
      );
    });
  }
});
