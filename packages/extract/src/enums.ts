/**
 * XDR enum values → the strings Go's generated `String()` methods return, which stellar-etl writes
 * (e.g. `TransactionResultCodeTxSuccess`).
 */
import { ExtractError } from './errors.js';
import { enumNames } from './xdr/index.js';

/**
 * Go's rule is the Go type name followed by the XDR identifier camel-cased word by word
 * (`txFEE_BUMP_INNER_FAILED` → `TxFeeBumpInnerFailed`). stellar-base's member names are the same
 * words in lower camel case (`txFeeBumpInnerFailed`), so upper-casing their first letter gives
 * the Go identifier.
 */
function goMemberName(camel: string): string {
  // stellar-base spells the XDR word TXS as "Txes" (TRANSACTION_EVENT_STAGE_AFTER_ALL_TXS →
  // transactionEventStageAfterAllTxes); Go keeps "Txs".
  const words = camel.replace(/Txes(?=[A-Z0-9]|$)/g, 'Txs');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The Go enum string of an XDR enum value.
 *
 * @example
 * goEnumString('TransactionResultCode', 0); // 'TransactionResultCodeTxSuccess'
 * goEnumString('MemoType', 1); // 'MemoTypeMemoText'
 */
export function goEnumString(enumType: string, value: number): string {
  let s = goStrings.get(enumType)?.get(value);
  if (s === undefined) {
    s = computeGoEnumString(enumType, value);
    let strings = goStrings.get(enumType);
    if (strings === undefined) goStrings.set(enumType, (strings = new Map()));
    strings.set(value, s);
  }
  return s;
}

/** The strings {@link goEnumString} has computed, by enum type and value (a finite set). */
const goStrings = new Map<string, Map<number, string>>();

function computeGoEnumString(enumType: string, value: number): string {
  const names = (enumNames as unknown as Record<string, Record<number, string> | undefined>)[enumType];
  if (names === undefined) {
    throw new ExtractError('INVALID_VALUE', `unknown XDR enum type ${enumType}`, { field: enumType });
  }
  const name = names[value];
  if (name === undefined) {
    throw new ExtractError('XDR_UNKNOWN_ARM', `value ${value} is not a member of ${enumType}`, { field: enumType });
  }
  return enumType + goMemberName(name);
}
