import { ExtractError, type ExtractErrorCode } from '../errors.js';

/** Builds the error the codec throws for bytes it cannot decode (or values it cannot encode). */
export function xdrError(code: ExtractErrorCode, typeName: string, offset: number, detail: string): ExtractError {
  const what =
    code === 'XDR_TRUNCATED'
      ? 'the input ends early'
      : code === 'XDR_UNKNOWN_ARM'
        ? 'a union or enum value is not known to this XDR version'
        : code === 'XDR_TRAILING_BYTES'
          ? 'bytes remain after the value'
          : 'the bytes are not valid XDR';
  return new ExtractError(code, `cannot decode ${typeName} at byte ${offset}: ${what} (${detail}).`, { field: typeName }, {
    hint:
      code === 'XDR_UNKNOWN_ARM'
        ? 'The ledger may use a newer protocol than this library supports: upgrade @stellar-ducklake/extract.'
        : 'Check that the input is one binary LedgerCloseMeta (not base64, not compressed) and not truncated.',
  });
}
