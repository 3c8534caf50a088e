/** Pins the public surface of `@stellar-ducklake/extract` so API changes are visible in review. */
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "ExtractError",
        "NATIVE_ASSET_ID",
        "Networks",
        "StellarDucklakeError",
        "StrkeyVersion",
        "accountAddress",
        "assetId",
        "base64",
        "buildLedgerContext",
        "canonicalAsset",
        "claimableBalanceIdStrkey",
        "col",
        "contractAddress",
        "encodeStrkey",
        "extractLedger",
        "goEnumString",
        "goString",
        "hex",
        "int128ToFixed7",
        "ledgerRow",
        "ledgersTable",
        "muxedAccountParts",
        "muxedAccountString",
        "nativeBalanceRows",
        "nativeBalancesTable",
        "networkId",
        "networkName",
        "operationRows",
        "operationsTable",
        "parseToid",
        "poolIdStrkey",
        "priceToFloat",
        "quoteGo",
        "readLedgerHeader",
        "rfc3339",
        "scAddressString",
        "sha256",
        "signerKeyString",
        "splitLedgerCloseMetaBatch",
        "stroopsToFixed7",
        "stroopsToFloat",
        "tables",
        "toEtlJson",
        "toid",
        "transactionHash",
        "transactionRows",
        "transactionsTable",
        "writeJson",
      ]
    `);
  });

  it('extractLedger, toEtlJson and Networks are usable from the index', () => {
    expect(typeof api.extractLedger).toBe('function');
    expect(api.Networks.PUBNET).toBe('Public Global Stellar Network ; September 2015');
    expect(Object.keys(api.tables)).toEqual(['ledgers', 'transactions', 'operations', 'native_balances']);
  });
});
