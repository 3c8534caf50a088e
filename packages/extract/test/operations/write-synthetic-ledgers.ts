/**
 * Writes the synthetic operation ledgers (see synthetic-ledgers.ts) as raw `<seq>.xdr` files into
 * the directory given as the only argument, for the stellar-etl golden generator:
 *
 *   npx tsx packages/extract/test/operations/write-synthetic-ledgers.ts <dir>
 *   node scripts/golden/golden.mjs --network pubnet --out <golden>/synthetic-operations --tables operations <dir>/*.xdr
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticOperationLedgers } from './synthetic-ledgers.js';

const dir = process.argv[2];
if (dir === undefined) {
  console.error('usage: write-synthetic-ledgers.ts <output directory>');
  process.exit(2);
}
mkdirSync(dir, { recursive: true });
for (const l of syntheticOperationLedgers()) writeFileSync(join(dir, `${l.sequence}.xdr`), l.bytes);
console.log(`wrote ${syntheticOperationLedgers().length} ledgers to ${dir}`);
