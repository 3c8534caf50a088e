/**
 * `@stellar-ducklake/extract`: pure, synchronous extraction of stellar-etl-compatible rows
 * (`ledgers`, `transactions`, `operations`, `native_balances`) from one Stellar LedgerCloseMeta.
 *
 * @example
 * import { extractLedger, Networks, toEtlJson } from '@stellar-ducklake/extract';
 * const rows = extractLedger(bytes, { networkPassphrase: Networks.PUBNET });
 * const line = toEtlJson('ledgers', rows.ledger);
 *
 * @packageDocumentation
 */
export { extractLedger, type ExtractLedgerOptions } from './extract-ledger.js';
export { Networks, networkName, type NetworkPassphrase } from './networks.js';
export { buildLedgerContext } from './build-context.js';
export type { InnerTx, LedgerContext, TxContext } from './context.js';
export { ledgerRow } from './tables/ledgers.js';
export { transactionRows } from './tables/transactions.js';
export { operationRows } from './tables/operations.js';
export { nativeBalanceRows } from './tables/native-balances.js';
export { toEtlJson, writeJson, quoteGo, rfc3339 } from './json.js';
export * from './schema/index.js';
export { ExtractError, StellarDucklakeError, type ErrorLocation, type ExtractErrorCode } from './errors.js';
export { toid, parseToid } from './toid.js';
export { stroopsToFloat, stroopsToFixed7, int128ToFixed7, priceToFloat } from './amounts.js';
export {
  encodeStrkey,
  StrkeyVersion,
  accountAddress,
  muxedAccountParts,
  muxedAccountString,
  contractAddress,
  scAddressString,
  signerKeyString,
  poolIdStrkey,
  claimableBalanceIdStrkey,
} from './strkey.js';
export { assetId, NATIVE_ASSET_ID, canonicalAsset } from './assets.js';
export { goEnumString } from './enums.js';
export { goString } from './text.js';
export { networkId, transactionHash, sha256, hex, base64 } from './hash.js';
export { readLedgerHeader, splitLedgerCloseMetaBatch, type LedgerHeaderInfo, type LedgerBatch } from './ledger-bytes.js';
