import { extractLedger, Networks } from '@stellar-ducklake/extract';
import { describe, expect, it } from 'vitest';
import { LakeError, LedgerDataError, SourceError } from '../src/errors.js';
import { MemorySink } from '../src/memory-sink.js';
import { runPipeline } from '../src/pipeline/run-pipeline.js';
import { FilesLedgerSource } from '../src/sources/files-source.js';
import { contiguous, fixturesDir, haveFixtures, ledgerBytes, ledgersDir } from './support/fixtures.js';
import { headerExtractor, RecordingSource, seqs, sorted } from './support/harness.js';

const run = haveFixtures() ? describe : describe.skip;
const all = seqs(contiguous.start, contiguous.end);
const base = { streams: 6, threads: 2, networkPassphrase: Networks.PUBNET, extractorModule: headerExtractor };

run('pipeline over files into the in-memory sink', () => {
  it('writes every ledger of the range exactly once with six streams', async () => {
    const source = new RecordingSource(await FilesLedgerSource.open(ledgersDir));
    const sink = new MemorySink({ batchSize: 4 });
    const result = await runPipeline({ ...base, source, sink, range: contiguous });
    expect(result.chunks).toHaveLength(6);
    expect(result.ledgers).toBe(11);
    expect(sorted(sink.committedSequences())).toEqual(all);
    expect(await sink.committedRanges()).toEqual([contiguous]);
    expect(sorted(source.yielded)).toEqual(all);
    // The header extractor's row carries what the worker read from each ledger's bytes.
    const row = sink.committed.find((r) => r.ledger.sequence === 30822016)!.ledger as unknown as { previous_ledger_hash: string };
    const prev = sink.committed.find((r) => r.ledger.sequence === 30822015)!.ledger as unknown as { ledger_hash: string };
    expect(row.previous_ledger_hash).toBe(prev.ledger_hash);
  });

  it('resumes from the committed progress and does nothing for a finished range', async () => {
    const sink = new MemorySink();
    await runPipeline({ ...base, source: await FilesLedgerSource.open(ledgersDir), sink, range: { start: 30822017, end: 30822019 } });
    await runPipeline({ ...base, source: await FilesLedgerSource.open(ledgersDir), sink, range: { start: 30822023, end: 30822023 } });
    const source = new RecordingSource(await FilesLedgerSource.open(ledgersDir));
    const result = await runPipeline({ ...base, source, sink, range: contiguous });
    expect(sorted(source.yielded)).toEqual([30822015, 30822016, 30822020, 30822021, 30822022, 30822024, 30822025]);
    expect(sorted(sink.committedSequences())).toEqual(all);
    expect(result.ledgers).toBe(7);
    const again = new RecordingSource(await FilesLedgerSource.open(ledgersDir));
    const rerun = await runPipeline({ ...base, source: again, sink, range: contiguous });
    expect(rerun).toEqual({ chunks: [], ledgers: 0, stopped: false });
    expect(again.yielded).toEqual([]);
  });

  it('bounds the ledgers between source and sink when the sink is slow', async () => {
    const source = new RecordingSource(await FilesLedgerSource.open(ledgersDir));
    let written = 0;
    let maxAhead = 0;
    const sink = new MemorySink({
      beforeWrite: async () => {
        maxAhead = Math.max(maxAhead, source.yielded.length - written);
        await new Promise((r) => setTimeout(r, 40));
        written++;
      },
    });
    await runPipeline({ ...base, streams: 3, maxInFlight: 2, source, sink, range: contiguous });
    expect(sorted(sink.committedSequences())).toEqual(all);
    // At most maxInFlight ledgers are past the source and not yet written, plus one per stream
    // waiting for a permit.
    expect(maxAhead).toBeLessThanOrEqual(2 + 3);
    expect(maxAhead).toBeGreaterThan(0);
  });

  it('on stop, commits what was read and a re-run completes the range exactly once', async () => {
    const stop = new AbortController();
    let writes = 0;
    const sink = new MemorySink({
      batchSize: 1,
      beforeWrite: async () => {
        if (++writes === 2) stop.abort();
        await new Promise((r) => setTimeout(r, 20));
      },
    });
    const first = await runPipeline({ ...base, streams: 1, maxInFlight: 1, source: await FilesLedgerSource.open(ledgersDir), sink, range: contiguous, stop: stop.signal });
    expect(first.stopped).toBe(true);
    const afterStop = sink.committedSequences();
    expect(afterStop.length).toBe(first.ledgers);
    expect(afterStop.length).toBeLessThan(11);
    await runPipeline({ ...base, source: await FilesLedgerSource.open(ledgersDir), sink, range: contiguous });
    expect(sorted(sink.committedSequences())).toEqual(all);
  });

  it('a corrupt ledger fails naming it; the ledgers written before it stay committed', async () => {
    const source = new RecordingSource(await FilesLedgerSource.open(ledgersDir), (l) =>
      l.sequence === 30822019 ? { sequence: l.sequence, bytes: l.bytes.subarray(0, 64) } : l,
    );
    const sink = new MemorySink();
    const error = await runPipeline({ ...base, streams: 1, source, sink, range: contiguous }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerDataError);
    expect((error as LedgerDataError).ledger).toBe(30822019);
    expect(sorted(sink.committedSequences())).toEqual(seqs(30822015, 30822018));
  });

  it('a ledger delivered under the wrong sequence is an error naming the expected ledger', async () => {
    const source = new RecordingSource(await FilesLedgerSource.open(ledgersDir), (l) =>
      l.sequence === 30822016 ? { sequence: l.sequence, bytes: ledgerBytes(30822017) } : l,
    );
    const error = await runPipeline({ ...base, streams: 1, source, sink: new MemorySink(), range: contiguous }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerDataError);
    expect((error as Error).message).toMatch(/^ledger 30822016: .* delivered ledger 30822017 in place of ledger 30822016/);
  });

  it('a missing ledger in the source fails naming it', async () => {
    const sink = new MemorySink();
    const error = await runPipeline({ ...base, streams: 1, source: await FilesLedgerSource.open(ledgersDir), sink, range: { start: 30822024, end: 30822027 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).ledger).toBe(30822026);
    expect(sorted(sink.committedSequences())).toEqual([30822024, 30822025]);
  });

  it('a failing sink stops the run with a lake error and commits nothing more', async () => {
    let flushes = 0;
    const sink = new MemorySink({
      beforeWrite: (rows) => {
        if (rows.ledger.sequence === 30822018) throw new Error('disk full');
      },
      beforeFlush: () => {
        flushes++;
      },
    });
    const error = await runPipeline({ ...base, streams: 1, source: await FilesLedgerSource.open(ledgersDir), sink, range: contiguous }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LakeError);
    expect((error as LakeError).ledger).toBe(30822018);
    expect((error as Error).message).toMatch(/disk full/);
    expect(flushes).toBe(0);
    expect(sink.committedSequences()).toEqual([]);
  });
});

run('pipeline with the real extractor on worker threads', () => {
  it('rows equal extractLedger run in-process', async () => {
    const sink = new MemorySink();
    const range = { start: 30822015, end: 30822017 };
    await runPipeline({ source: await FilesLedgerSource.open(ledgersDir), sink, range, streams: 2, threads: 2, networkPassphrase: Networks.PUBNET });
    for (const seq of seqs(range.start, range.end)) {
      const got = sink.committed.find((r) => r.ledger.sequence === seq);
      expect(got).toEqual(extractLedger(ledgerBytes(seq), { networkPassphrase: Networks.PUBNET }));
    }
  });

  it('reads Galexie batches (protocol 21 pubnet, protocol 25 testnet) and extracts them like in-process', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    for (const [dir, seq, passphrase] of [
      ['pubnet-53312000', 53312000, Networks.PUBNET],
      ['testnet-982180', 982180, Networks.TESTNET],
    ] as const) {
      const sink = new MemorySink();
      const folder = join(fixturesDir, 'modern', dir);
      await runPipeline({ source: await FilesLedgerSource.open(folder), sink, range: { start: seq, end: seq }, streams: 1, threads: 1, networkPassphrase: passphrase });
      expect(sink.committed).toHaveLength(1);
      expect(sink.committed[0]).toEqual(extractLedger(new Uint8Array(readFileSync(join(folder, `${seq}.xdr`))), { networkPassphrase: passphrase }));
    }
  });

  it('an extraction error (wrong network passphrase) names the ledger', async () => {
    const sink = new MemorySink();
    const error = await runPipeline({
      source: await FilesLedgerSource.open(ledgersDir),
      sink,
      range: { start: 30822015, end: 30822015 },
      streams: 1,
      threads: 1,
      networkPassphrase: Networks.TESTNET,
    }).catch((e: unknown) => e);
    expect((error as { ledger?: number }).ledger).toBe(30822015);
    expect(sink.committedSequences()).toEqual([]);
  });
});

run('following the tip', () => {
  it('backfills up to the source tip in parallel, then follows new ledgers until stopped', async () => {
    const { copyFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'sdl-follow-'));
    for (const s of seqs(30822015, 30822020)) copyFileSync(join(ledgersDir, `${s}.xdr`), join(dir, `${s}.xdr`));
    const source = new RecordingSource(await FilesLedgerSource.open(dir, { pollIntervalMs: 20 }));
    const stop = new AbortController();
    const sink = new MemorySink({
      batchSize: 1,
      beforeWrite: (rows) => {
        if (rows.ledger.sequence === 30822020) setTimeout(() => copyFileSync(join(ledgersDir, '30822021.xdr'), join(dir, '30822021.xdr')), 30);
        if (rows.ledger.sequence === 30822021) stop.abort();
      },
    });
    const result = await runPipeline({ ...base, streams: 3, source, sink, range: { start: 30822015 }, stop: stop.signal });
    expect(result.chunks).toEqual([
      { start: 30822015, end: 30822017 },
      { start: 30822018, end: 30822020 },
      { start: 30822021, end: undefined },
    ]);
    expect(result.stopped).toBe(true);
    expect(sorted(sink.committedSequences())).toEqual(seqs(30822015, 30822021));
  });
});

run('extraction workers encoding for the DuckLake sink', () => {
  it.each(['snappy', 'lz4', 'uncompressed'] as const)('return the same Parquet pages (%s) as encoding the extracted rows in this thread', async (compression) => {
    const { encodeLedger } = await import('@stellar-ducklake/sink-ducklake/encode');
    const { ExtractPool } = await import('../src/pipeline/worker-pool.js');
    const pool = new ExtractPool({ threads: 2 });
    try {
      const tables = ['ledgers', 'operations', 'native_balances'] as const;
      const encode = { tables, options: { compression } };
      const got = await Promise.all(all.map((seq) => pool.extractEncoded(seq, ledgerBytes(seq), Networks.PUBNET, encode)));
      for (const [i, seq] of all.entries()) {
        const here = encodeLedger(extractLedger(ledgerBytes(seq), { networkPassphrase: Networks.PUBNET }), tables, { compression });
        expect(got[i]!.sequence).toBe(seq);
        expect(Object.keys(got[i]!.tables).sort()).toEqual([...tables].sort());
        for (const t of tables) {
          const a = got[i]!.tables[t]!;
          const b = here.tables[t]!;
          expect(a.rows).toBe(b.rows);
          expect(a.codec).toBe({ uncompressed: 0, snappy: 1, lz4: 7 }[compression]); // Parquet CompressionCodec numbers
          expect(a.codec).toBe(b.codec);
          expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(true);
          expect([...a.pageEnds, ...a.uncompressedSizes, ...a.valueCounts, ...a.stats]).toEqual([...b.pageEnds, ...b.uncompressedSizes, ...b.valueCounts, ...b.stats]);
        }
      }
    } finally {
      await pool.close();
    }
  });
});
