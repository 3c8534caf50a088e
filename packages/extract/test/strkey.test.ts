import { Keypair, StrKey } from '@stellar/stellar-base';
import { describe, expect, it } from 'vitest';
import { ExtractError } from '../src/errors.js';
import {
  accountAddress,
  base32,
  claimableBalanceIdStrkey,
  contractAddress,
  crc16Xmodem,
  encodeStrkey,
  muxedAccountParts,
  muxedAccountString,
  poolIdStrkey,
  scAddressString,
  signerKeyString,
  StrkeyVersion,
} from '../src/strkey.js';

const key = (seed: number): Uint8Array => Uint8Array.from({ length: 32 }, (_, i) => (seed * 31 + i * 7) & 0xff);

describe('strkey building blocks', () => {
  it('computes CRC-16/XMODEM (check value of "123456789" is 0x31C3)', () => {
    expect(crc16Xmodem(new TextEncoder().encode('123456789'))).toBe(0x31c3);
  });

  it('encodes RFC 4648 base32 without padding (RFC test vectors)', () => {
    const enc = (s: string) => base32(new TextEncoder().encode(s));
    expect(enc('')).toBe('');
    expect(enc('f')).toBe('MY');
    expect(enc('fo')).toBe('MZXQ');
    expect(enc('foo')).toBe('MZXW6');
    expect(enc('foob')).toBe('MZXW6YQ');
    expect(enc('fooba')).toBe('MZXW6YTB');
    expect(enc('foobar')).toBe('MZXW6YTBOI');
  });

  it('encodes G, C, T, X, L addresses like stellar-base', () => {
    const k = key(1);
    expect(accountAddress({ type: 0, ed25519: k })).toBe(StrKey.encodeEd25519PublicKey(Buffer.from(k)));
    expect(contractAddress(k)).toBe(StrKey.encodeContract(Buffer.from(k)));
    expect(poolIdStrkey(k)).toBe(StrKey.encodeLiquidityPool(Buffer.from(k)));
    expect(signerKeyString({ type: 1, preAuthTx: k })).toBe(StrKey.encodePreAuthTx(Buffer.from(k)));
    expect(signerKeyString({ type: 2, hashX: k })).toBe(StrKey.encodeSha256Hash(Buffer.from(k)));
    expect(signerKeyString({ type: 0, ed25519: k })).toBe(StrKey.encodeEd25519PublicKey(Buffer.from(k)));
  });

  it('encodes the all-zero account as the well-known GAAA…WHF', () => {
    expect(encodeStrkey(StrkeyVersion.account, new Uint8Array(32))).toBe('GAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAWHF');
  });

  it('splits muxed accounts into G, M and the uint64 id', () => {
    const k = key(2);
    const id = 18446744073709551615n;
    const m = { type: 0x100 as const, med25519: { id, ed25519: k } };
    const payload = Buffer.concat([Buffer.from(k), Buffer.from('ffffffffffffffff', 'hex')]);
    const M = StrKey.encodeMed25519PublicKey(payload);
    expect(muxedAccountParts(m)).toEqual({ address: StrKey.encodeEd25519PublicKey(Buffer.from(k)), muxed: M, muxedId: id });
    expect(muxedAccountString(m)).toBe(M);
    const plain = { type: 0 as const, ed25519: k };
    expect(muxedAccountParts(plain)).toEqual({ address: StrKey.encodeEd25519PublicKey(Buffer.from(k)), muxed: null, muxedId: null });
    expect(muxedAccountString(plain)).toBe(StrKey.encodeEd25519PublicKey(Buffer.from(k)));
  });

  it('encodes claimable balance ids as B strkeys of [type] ‖ hash', () => {
    const k = key(3);
    expect(claimableBalanceIdStrkey({ type: 0, v0: k })).toBe(StrKey.encodeClaimableBalance(Buffer.concat([Buffer.from([0]), Buffer.from(k)])));
  });

  it('encodes every ScAddress arm', () => {
    const k = key(4);
    expect(scAddressString({ type: 0, accountId: { type: 0, ed25519: k } })).toMatch(/^G/);
    expect(scAddressString({ type: 1, contractId: k })).toBe(StrKey.encodeContract(Buffer.from(k)));
    expect(scAddressString({ type: 2, muxedAccount: { id: 5n, ed25519: k } })).toBe(
      StrKey.encodeMed25519PublicKey(Buffer.concat([Buffer.from(k), Buffer.from('0000000000000005', 'hex')])),
    );
    expect(scAddressString({ type: 3, claimableBalanceId: { type: 0, v0: k } })).toMatch(/^B/);
    expect(scAddressString({ type: 4, liquidityPoolId: k })).toBe(StrKey.encodeLiquidityPool(Buffer.from(k)));
  });

  it('encodes signed-payload signers as P strkeys (key ‖ len ‖ padded payload)', () => {
    const kp = Keypair.fromRawEd25519Seed(Buffer.from(key(5)));
    const payload = Uint8Array.from([1, 2, 3, 4, 5]);
    const expected = StrKey.encodeSignedPayload(
      Buffer.concat([kp.rawPublicKey(), Buffer.from([0, 0, 0, 5]), Buffer.from(payload), Buffer.from([0, 0, 0])]),
    );
    expect(signerKeyString({ type: 3, ed25519SignedPayload: { ed25519: kp.rawPublicKey(), payload } })).toBe(expected);
  });

  it('encodes 64-byte payloads with the account version byte (tx_signers) and rejects > 100 bytes', () => {
    const sig = Uint8Array.from({ length: 64 }, (_, i) => i);
    const s = encodeStrkey(StrkeyVersion.account, sig);
    expect(s).toHaveLength(108);
    expect(s.startsWith('G')).toBe(true);
    expect(() => encodeStrkey(StrkeyVersion.account, new Uint8Array(101))).toThrow(ExtractError);
  });
});
