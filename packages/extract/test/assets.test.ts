import { describe, expect, it } from 'vitest';
import { StrKey } from '@stellar/stellar-base';
import { addAssetFields, assetId, assetParts, canonicalAsset, NATIVE_ASSET_ID } from '../src/assets.js';
import type { JsonObject } from '../src/schema/index.js';

const ISSUER = 'GCNSGHUCG5VMGLT5RIYYZSO7VQULQKAJ62QA33DBC5PPBSO57LFWVV6P';
const issuerKey = { type: 0 as const, ed25519: new Uint8Array(StrKey.decodeEd25519PublicKey(ISSUER)) };
const code4 = (s: string) => Uint8Array.from({ length: 4 }, (_, i) => s.charCodeAt(i) || 0);
const code12 = (s: string) => Uint8Array.from({ length: 12 }, (_, i) => s.charCodeAt(i) || 0);

describe('asset ids (stellar-etl vectors)', () => {
  it('hashes code ‖ issuer ‖ type with FarmHash Fingerprint64 as a signed int64', () => {
    expect(assetId('', '', 'native')).toBe(NATIVE_ASSET_ID);
    expect(assetId('ETH', ISSUER, 'credit_alphanum4')).toBe(7801325755376418036n);
    expect(assetId('AAPL', 'GBRDHSZL4ZKOI2PTUMM53N3NICZXC5OX3KPCD4WD4NG4XGCBC2ZA3KAG', 'credit_alphanum4')).toBe(17967170802372658n);
    expect(assetId('HOT', 'GB6DMQ5IZUPRRMNTPU4H5FX32DRYCZ447REBEQ32YGVPPGZI5MX4AHOT', 'credit_alphanum4')).toBe(-5023921246544360477n);
  });
});

describe('asset parts', () => {
  it('strips trailing NULs and names the type', () => {
    expect(assetParts({ type: 0 })).toEqual({ type: 'native', code: '', issuer: '' });
    expect(assetParts({ type: 1, alphaNum4: { assetCode: code4('ETH'), issuer: issuerKey } })).toEqual({ type: 'credit_alphanum4', code: 'ETH', issuer: ISSUER });
    expect(assetParts({ type: 2, alphaNum12: { assetCode: code12('CENTUS'), issuer: issuerKey } })).toEqual({ type: 'credit_alphanum12', code: 'CENTUS', issuer: ISSUER });
    expect(assetParts({ type: 3, liquidityPoolId: new Uint8Array(32) })).toEqual({ type: 'liquidity_pool_shares', code: '', issuer: '' });
  });

  it('gives the canonical string', () => {
    expect(canonicalAsset({ type: 0 })).toBe('native');
    expect(canonicalAsset({ type: 1, alphaNum4: { assetCode: code4('ETH'), issuer: issuerKey } })).toBe(`ETH:${ISSUER}`);
  });

  it('writes the ASSET block with and without prefix', () => {
    const out: JsonObject = {};
    addAssetFields(out, '', { type: 1, alphaNum4: { assetCode: code4('ETH'), issuer: issuerKey } });
    addAssetFields(out, 'source', { type: 0 });
    expect(out).toEqual({
      asset_type: 'credit_alphanum4',
      asset_code: 'ETH',
      asset_issuer: ISSUER,
      asset_id: 7801325755376418036n,
      source_asset_type: 'native',
      source_asset_id: NATIVE_ASSET_ID,
    });
  });
});
