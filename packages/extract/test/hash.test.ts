import { hash as sbHash, Networks as SbNetworks } from '@stellar/stellar-base';
import { describe, expect, it } from 'vitest';
import { base64, hex, networkId, sha256, transactionHash } from '../src/hash.js';
import { Networks } from '../src/networks.js';
import { decode, encode } from '../src/xdr/index.js';
import type * as X from '../src/xdr/types.js';
import { account, bytes32, ETL_TEST_SIGNATURE, muxed, stellarBaseHash, tx } from './build-ledger.js';

describe('hash helpers', () => {
  it('sha256 / hex / base64 agree with first principles', () => {
    expect(hex(sha256(new TextEncoder().encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(Uint8Array.from([0, 15, 255]))).toBe('000fff');
    expect(base64(Uint8Array.from([0xfb, 0xff]))).toBe('+/8=');
  });

  it('network ids are sha256 of the passphrases', () => {
    expect(Networks.PUBNET).toBe(SbNetworks.PUBLIC);
    expect(Networks.TESTNET).toBe(SbNetworks.TESTNET);
    expect(Networks.FUTURENET).toBe(SbNetworks.FUTURENET);
    expect(hex(networkId(Networks.PUBNET))).toBe(sbHash(Buffer.from(Networks.PUBNET)).toString('hex'));
  });
});

describe('transactionHash agrees with stellar-base', () => {
  const cases: Array<[string, X.TransactionEnvelope]> = [
    ['V1', { type: 2, v1: { tx: tx({ sourceAccount: muxed(bytes32(1), 5n), memo: { type: 2, id: 9n } }), signatures: [ETL_TEST_SIGNATURE] } }],
    [
      'V0 with time bounds',
      {
        type: 0,
        v0: {
          tx: { sourceAccountEd25519: bytes32(2), fee: 100, seqNum: 3n, timeBounds: { minTime: 1n, maxTime: 2n }, memo: { type: 0 }, operations: [{ sourceAccount: null, body: { type: 9 } }], ext: { type: 0 } },
          signatures: [],
        },
      },
    ],
    [
      'V0 without time bounds',
      {
        type: 0,
        v0: {
          tx: { sourceAccountEd25519: bytes32(3), fee: 100, seqNum: 3n, timeBounds: null, memo: { type: 1, text: new TextEncoder().encode('hi') }, operations: [{ sourceAccount: null, body: { type: 9 } }], ext: { type: 0 } },
          signatures: [],
        },
      },
    ],
    [
      'fee bump',
      {
        type: 5,
        feeBump: {
          tx: { feeSource: account(bytes32(4)), fee: 1000n, innerTx: { type: 2, v1: { tx: tx({ sourceAccount: account(bytes32(1)) }), signatures: [] } }, ext: { type: 0 } },
          signatures: [ETL_TEST_SIGNATURE],
        },
      },
    ],
  ];

  for (const [name, envelope] of cases) {
    it(name, () => {
      for (const passphrase of [Networks.PUBNET, Networks.TESTNET]) {
        const bytes = encode.TransactionEnvelope(envelope);
        const decoded = decode.TransactionEnvelope(bytes);
        expect(hex(transactionHash(decoded, bytes, networkId(passphrase)))).toBe(hex(stellarBaseHash(envelope, passphrase)));
      }
    });
  }

  it('refuses values that were not decoded from bytes', () => {
    const [, envelope] = cases[0]!;
    expect(() => transactionHash(envelope, new Uint8Array(0), networkId(Networks.PUBNET))).toThrow(/byte range/);
  });
});
