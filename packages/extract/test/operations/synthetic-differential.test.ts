/**
 * Differential test against the real stellar-etl on the synthetic operation ledgers
 * (synthetic-ledgers.ts): every operations line the extractor writes must equal stellar-etl's, in
 * order, byte for byte. stellar-etl's rows come from the golden generator run on those ledgers
 * (see write-synthetic-ledgers.ts), under `<golden>/synthetic-operations`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractLedger } from '../../src/extract-ledger.js';
import { toEtlJson } from '../../src/json.js';
import { expectSameLines, goldenDir, goldenPresent } from '../differential/golden-output.js';
import { SYNTHETIC_PASSPHRASE, syntheticOperationLedgers } from './synthetic-ledgers.js';

const dir = join(goldenDir, 'synthetic-operations', 'pubnet');
const present = goldenPresent(dir, 'generate it with `pnpm golden` (test/operations/write-synthetic-ledgers.ts, then scripts/golden/golden.mjs)');

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
