import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../src/errors.js';
import { readLedgerHeaderInfo } from '../src/ledger-header.js';
import { FilesLedgerSource } from '../src/sources/files-source.js';
import { galexieNameRange, readGalexieBatch } from '../src/sources/galexie.js';
import { parseSourceUri } from '../src/sources/open-source.js';
import type { RawLedger } from '../src/sources/source.js';
import { contiguous, expectedLines, fixtureSequences, fixturesDir, haveFixtures, ledgerBytes, ledgersDir } from './support/fixtures.js';

const run = haveFixtures() ? describe : describe.skip;

async function collect(it: AsyncIterable<RawLedger>): Promise<RawLedger[]> {
  const out: RawLedger[] = [];
  for await (const l of it) out.push(l);
  return out;
}

run('ledger header reader', () => {
  it('reads sequence and hashes equal to stellar-etl history_ledgers', () => {
    for (let seq = contiguous.start; seq <= 30822020; seq++) {
      const expected = JSON.parse(expectedLines('ledgers', seq)![0]!) as { sequence: number; ledger_hash: string; previous_ledger_hash: string };
      const h = readLedgerHeaderInfo(ledgerBytes(seq));
      expect(h).toEqual({ version: 0, sequence: expected.sequence, hash: expected.ledger_hash, previousLedgerHash: expected.previous_ledger_hash });
    }
  });

  it('reads LedgerCloseMeta v1 and v2 headers', () => {
    expect(readLedgerHeaderInfo(readFileSync(join(fixturesDir, 'modern/pubnet-53312000/53312000.xdr')))).toMatchObject({ version: 1, sequence: 53312000 });
    expect(readLedgerHeaderInfo(readFileSync(join(fixturesDir, 'modern/testnet-982180/982180.xdr')))).toMatchObject({ version: 2, sequence: 982180 });
  });

  it('rejects garbage naming the expected ledger', () => {
    expect(() => readLedgerHeaderInfo(new Uint8Array([0, 0, 0, 7, 1, 2]), 42)).toThrow(/^ledger 42: not a valid LedgerCloseMeta/);
    expect(() => readLedgerHeaderInfo(ledgerBytes(contiguous.start).subarray(0, 100), 42)).toThrow(/truncated/);
  });
});

run('Galexie files', () => {
  it('splits a batch into LedgerCloseMeta bytes identical to the raw ledger', () => {
    for (const [dir, file, seq] of [
      ['pubnet-53312000', 'FCD285FF--53312000.xdr.zstd', 53312000],
      ['testnet-982180', 'testdata.xdr.zst', 982180],
    ] as const) {
      const batch = readGalexieBatch(readFileSync(join(fixturesDir, 'modern', dir, file)), file);
      expect(batch.start).toBe(seq);
      expect(batch.end).toBe(seq);
      expect(batch.ledgers).toHaveLength(1);
      expect(Buffer.from(batch.ledgers[0]!).equals(readFileSync(join(fixturesDir, 'modern', dir, `${seq}.xdr`)))).toBe(true);
    }
  });

  it('parses SDF file names', () => {
    expect(galexieNameRange('FFC54DFF--3846656.xdr.zst')).toEqual({ start: 3846656, end: 3846656 });
    expect(galexieNameRange('FFC54DFF--3846656-3846719.xdr.zstd')).toEqual({ start: 3846656, end: 3846719 });
    expect(galexieNameRange('testdata.xdr.zst')).toBeUndefined();
  });

  it('rejects a file that is not zstd', () => {
    expect(() => readGalexieBatch(new Uint8Array([1, 2, 3, 4, 5, 6]), 'x.xdr.zst')).toThrow(/x\.xdr\.zst is not valid zstd/);
  });
});

run('files: source', () => {
  it('streams raw ledgers in order, inclusive of both ends', async () => {
    const source = await FilesLedgerSource.open(ledgersDir);
    const got = await collect(source.stream({ start: 30822017, end: 30822020 }, new AbortController().signal));
    expect(got.map((l) => l.sequence)).toEqual([30822017, 30822018, 30822019, 30822020]);
    expect(Buffer.from(got[0]!.bytes).equals(Buffer.from(ledgerBytes(30822017)))).toBe(true);
    expect(await source.latestLedger()).toBe(fixtureSequences().at(-1));
  });

  it('finds Galexie files recursively in the SDF bucket layout, and files without a numeric name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdl-galexie-'));
    const bucket = join(dir, 'FCD2F7FF--53248000-53311999');
    mkdirSync(join(dir, 'FCD285FF--53312000-53375999'), { recursive: true });
    mkdirSync(bucket, { recursive: true });
    copyFileSync(join(fixturesDir, 'modern/pubnet-53312000/FCD285FF--53312000.xdr.zstd'), join(dir, 'FCD285FF--53312000-53375999/FCD285FF--53312000.xdr.zst'));
    copyFileSync(join(fixturesDir, 'modern/testnet-982180/testdata.xdr.zst'), join(bucket, 'testdata.xdr.zst'));
    copyFileSync(join(ledgersDir, '30822015.xdr'), join(dir, 'some-ledger.xdr'));
    const source = await FilesLedgerSource.open(dir);
    const [one] = await collect(source.stream({ start: 53312000, end: 53312000 }, new AbortController().signal));
    expect(readLedgerHeaderInfo(one!.bytes).sequence).toBe(53312000);
    const [two] = await collect(source.stream({ start: 982180, end: 982180 }, new AbortController().signal));
    expect(readLedgerHeaderInfo(two!.bytes).sequence).toBe(982180);
    const [three] = await collect(source.stream({ start: 30822015, end: 30822015 }, new AbortController().signal));
    expect(three!.sequence).toBe(30822015);
  });

  it('a missing ledger is an error naming it, after the ledgers before it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdl-gap-'));
    for (const s of [30822015, 30822016, 30822018]) copyFileSync(join(ledgersDir, `${s}.xdr`), join(dir, `${s}.xdr`));
    const source = await FilesLedgerSource.open(dir);
    const got: number[] = [];
    const error = await (async () => {
      try {
        for await (const l of source.stream({ start: 30822015, end: 30822018 }, new AbortController().signal)) got.push(l.sequence);
      } catch (e) {
        return e;
      }
    })();
    expect(got).toEqual([30822015, 30822016]);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).code).toBe('SOURCE_MISSING_LEDGER');
    expect((error as SourceError).ledger).toBe(30822017);
    expect((error as Error).message).toMatch(/ledger 30822017 is missing from/);
    // Past the last file of a bounded range is missing too.
    await expect(collect(source.stream({ start: 30822018, end: 30822019 }, new AbortController().signal))).rejects.toThrow(/ledger 30822019 is missing/);
  });

  it('an open-ended stream waits at the tip for new files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdl-tip-'));
    copyFileSync(join(ledgersDir, '30822015.xdr'), join(dir, '30822015.xdr'));
    const source = await FilesLedgerSource.open(dir, { pollIntervalMs: 20 });
    const stop = new AbortController();
    const got: number[] = [];
    const reading = (async () => {
      for await (const l of source.stream({ start: 30822015, end: undefined }, stop.signal)) {
        got.push(l.sequence);
        if (got.length === 1) setTimeout(() => writeFileSync(join(dir, '30822016.xdr'), ledgerBytes(30822016)), 50);
        if (got.length === 2) stop.abort();
      }
    })();
    await reading;
    expect(got).toEqual([30822015, 30822016]);
  });
});

describe('source URIs', () => {
  it('parses grpc:// and files:', () => {
    expect(parseSourceUri('grpc://127.0.0.1:50052')).toEqual({ kind: 'grpc', address: '127.0.0.1:50052' });
    expect(parseSourceUri('files:/data/ledgers')).toEqual({ kind: 'files', dir: '/data/ledgers' });
    expect(parseSourceUri('grpc://host')).toMatch(/expected grpc:\/\/HOST:PORT/);
    expect(parseSourceUri('s3://bucket')).toMatch(/unknown source/);
  });
});
