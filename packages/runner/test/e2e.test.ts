/**
 * End to end: the real CLI processes (`serve`, `run`, `verify`, `query`, `export`) over real gRPC on
 * loopback into a real DuckLake (DuckDB-file catalog, offline extensions).
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractLedger, Networks } from '@stellar-ducklake/extract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../src/errors.js';
import { ensureExtensions, freePort, queryJson, runCli, startCli, startServe, stop, type CliProcess } from './support/cli.js';
import { contiguous, expectedLines, fixtureSequences, haveFixtures, ledgerBytes, ledgersDir } from './support/fixtures.js';
import { seqs } from './support/harness.js';

const run = haveFixtures() ? describe : describe.skip;
const all = seqs(contiguous.start, contiguous.end);
const tmp = (name: string): string => mkdtempSync(join(tmpdir(), `sdl-e2e-${name}-`));

/** Ledger count, distinct count and per-table row counts in the lake over the contiguous range. */
async function lakeSummary(lake: string, start: number = contiguous.start, end: number = contiguous.end) {
  const [row] = await queryJson(
    lake,
    `SELECT (SELECT count(*) FROM ledgers WHERE sequence BETWEEN ${start} AND ${end}) AS ledgers,
            (SELECT count(DISTINCT sequence) FROM ledgers WHERE sequence BETWEEN ${start} AND ${end}) AS distinct_ledgers,
            (SELECT count(*) FROM transactions WHERE ledger_sequence BETWEEN ${start} AND ${end}) AS transactions,
            (SELECT count(*) FROM operations WHERE ledger_sequence BETWEEN ${start} AND ${end}) AS operations,
            (SELECT count(*) FROM native_balances WHERE ledger_sequence BETWEEN ${start} AND ${end}) AS native_balances`,
  );
  return row!;
}

/** What the extractor produces for the same ledgers. */
function extractorSummary(list: readonly number[]) {
  let transactions = 0;
  let operations = 0;
  let nativeBalances = 0;
  for (const s of list) {
    const r = extractLedger(ledgerBytes(s), { networkPassphrase: Networks.PUBNET });
    transactions += r.transactions.length;
    operations += r.operations.length;
    nativeBalances += r.nativeBalances.length;
  }
  return { ledgers: list.length, distinct_ledgers: list.length, transactions, operations, native_balances: nativeBalances };
}

run('serve + run over real gRPC into DuckLake', () => {
  let server: { cli: CliProcess; address: string };
  beforeAll(async () => {
    ensureExtensions();
    server = await startServe(ledgersDir);
  });
  afterAll(async () => {
    await stop(server.cli);
  });

  it('six streams: every fixture ledger once, rows equal the extractor, verify passes, re-run does nothing', async () => {
    const lake = tmp('main');
    const source = `grpc://${server.address}`;
    const first = await runCli(['run', '--source', source, '--start', String(contiguous.start), '--end', String(contiguous.end), '--lake', lake, '--streams', '6', '--threads', '2']);
    expect(first.stderr).toMatch(/msg="done" ledgers=11 committed=30822015-30822025/);
    expect(first.code).toBe(0);
    const single = await runCli(['--source', source, '--start', '30820015', '--end', '30820015', '--lake', lake]);
    expect(single.code).toBe(0);
    expect(await lakeSummary(lake)).toEqual(extractorSummary(all));
    expect(await lakeSummary(lake, 30820015, 30820015)).toEqual(extractorSummary([30820015]));
    // Row-level equality for a sample: transaction hashes and operation ids in order.
    const seq = 30822019;
    const rows = extractLedger(ledgerBytes(seq), { networkPassphrase: Networks.PUBNET });
    const txs = await queryJson(lake, `SELECT transaction_hash, CAST(id AS VARCHAR) AS id, fee_charged FROM transactions WHERE ledger_sequence = ${seq} ORDER BY id`);
    expect(txs).toEqual(rows.transactions.map((t) => ({ transaction_hash: t.transaction_hash, id: String(t.id), fee_charged: Number(t.fee_charged) })));
    const ops = await queryJson(lake, `SELECT CAST(id AS VARCHAR) AS id, type FROM operations WHERE ledger_sequence = ${seq} ORDER BY id`);
    expect(ops).toEqual(rows.operations.map((o) => ({ id: String(o.id), type: o.type })));

    // Every row of every ledger: transaction hashes and operation ids in id order, native balance
    // changes as a multiset.
    const extracted = all.map((s) => extractLedger(ledgerBytes(s), { networkPassphrase: Networks.PUBNET }));
    const lakeTxs = await queryJson(lake, `SELECT transaction_hash FROM transactions WHERE ledger_sequence BETWEEN ${contiguous.start} AND ${contiguous.end} ORDER BY id`);
    expect(lakeTxs.map((r) => r.transaction_hash)).toEqual(extracted.flatMap((r) => r.transactions.map((t) => t.transaction_hash)));
    const lakeOps = await queryJson(lake, `SELECT CAST(id AS VARCHAR) AS id FROM operations WHERE ledger_sequence BETWEEN ${contiguous.start} AND ${contiguous.end} ORDER BY id`);
    expect(lakeOps.map((r) => r.id)).toEqual(extracted.flatMap((r) => r.operations.map((o) => String(o.id))));
    const key = (r: { account_id: unknown; ledger_sequence: unknown; balance: unknown; ledger_entry_change: unknown }): string =>
      `${String(r.account_id)}|${Number(r.ledger_sequence)}|${Number(r.balance)}|${Number(r.ledger_entry_change)}`;
    const lakeBalances = await queryJson(lake, `SELECT account_id, ledger_sequence, balance, ledger_entry_change FROM native_balances WHERE ledger_sequence BETWEEN ${contiguous.start} AND ${contiguous.end}`);
    expect(lakeBalances.map((r) => key(r as never)).sort()).toEqual(extracted.flatMap((r) => r.nativeBalances.map((b) => key(b as never))).sort());

    const verify = await runCli(['verify', '--lake', lake, '--start', String(contiguous.start), '--end', String(contiguous.end)]);
    expect(verify.stdout).toMatch(/: OK/);
    expect(verify.code).toBe(0);
    const again = await runCli(['run', '--source', source, '--start', String(contiguous.start), '--end', String(contiguous.end), '--lake', lake]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/nothing to do: the range is already committed/);
    expect((await lakeSummary(lake)).ledgers).toBe(11);
  });

  it('verify reports gaps and duplicates', async () => {
    const lake = tmp('verify');
    const source = `grpc://${server.address}`;
    expect((await runCli(['run', '--source', source, '--start', '30822015', '--end', '30822019', '--lake', lake, '--threads', '1'])).code).toBe(0);
    const dup = await runCli(['query', '--lake', lake, 'INSERT INTO ledgers SELECT * FROM ledgers WHERE sequence = 30822016']);
    expect(dup.code).toBe(0);
    const verify = await runCli(['verify', '--lake', lake, '--start', '30822015', '--end', '30822021', '--json']);
    expect(verify.code).toBe(ExitCode.verifyFailed);
    const report = JSON.parse(verify.stdout) as { ok: boolean; missing: unknown; duplicates: unknown };
    expect(report.ok).toBe(false);
    expect(report.missing).toEqual([{ start: 30822020, end: 30822021 }]);
    expect(report.duplicates).toEqual([{ ledger: 30822016, count: 2 }]);
  });

  it('run --tables transactions,operations --replace restores damaged rows (LZ4 pages replaced by snappy ones) without touching the others', async () => {
    const lake = tmp('replace');
    const source = `grpc://${server.address}`;
    const range = ['--start', '30822016', '--end', '30822018'];
    // Written with LZ4 pages, replaced with the default snappy ones: a lake may hold both.
    expect((await runCli(['run', '--source', source, ...range, '--lake', lake, '--threads', '1', '--compression', 'lz4'])).code).toBe(0);
    const ledgersBefore = await queryJson(lake, 'SELECT sequence, ledger_hash FROM ledgers ORDER BY sequence');
    const balancesBefore = await queryJson(lake, 'SELECT count(*) AS n FROM native_balances');
    expect((await runCli(['query', '--lake', lake, 'DELETE FROM operations WHERE ledger_sequence = 30822017'])).code).toBe(0);
    expect((await runCli(['verify', '--lake', lake, ...range])).code).toBe(ExitCode.verifyFailed);
    const replaced = await runCli(['run', '--source', source, ...range, '--lake', lake, '--tables', 'transactions,operations', '--replace', '--threads', '1']);
    expect(replaced.stderr).toMatch(/msg="replaced" tables="transactions,operations" start=30822016 end=30822018 ledgers=3/);
    expect(replaced.code).toBe(0);
    expect((await runCli(['verify', '--lake', lake, ...range])).code).toBe(0);
    expect(await lakeSummary(lake, 30822016, 30822018)).toEqual(extractorSummary([30822016, 30822017, 30822018]));
    expect(await queryJson(lake, 'SELECT sequence, ledger_hash FROM ledgers ORDER BY sequence')).toEqual(ledgersBefore);
    expect(await queryJson(lake, 'SELECT count(*) AS n FROM native_balances')).toEqual(balancesBefore);
  });

  it('export prints stellar-etl lines equal to the expected output', async () => {
    const withExpected = fixtureSequences().filter((s) => expectedLines('transactions', s) !== undefined && s >= contiguous.start);
    const start = withExpected[0]!;
    const end = withExpected.at(-1)!;
    for (const table of ['ledgers', 'transactions', 'operations'] as const) {
      const r = await runCli(['export', table, '--source', `grpc://${server.address}`, '--start', String(start), '--end', String(end), '--threads', '2']);
      expect(r.code, r.stderr).toBe(0);
      const expected = seqs(start, end).flatMap((s) => expectedLines(table, s)!);
      expect(r.stdout.split('\n').filter(Boolean)).toEqual(expected);
    }
  });
});

run('faults', () => {
  beforeAll(() => ensureExtensions());

  it('the server is killed and restarted mid-run: every ledger exactly once', async () => {
    const port = await freePort();
    let server = await startServe(ledgersDir, ['--pace-ms', '500'], port);
    const lake = tmp('server-kill');
    const runner = startCli(['run', '--source', `grpc://${server.address}`, '--start', String(contiguous.start), '--end', String(contiguous.end), '--lake', lake, '--streams', '3', '--threads', '1', '--commit-interval', '0']);
    await runner.waitFor(/msg="committed"/);
    await stop(server.cli, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 1000));
    server = await startServe(ledgersDir, [], port);
    const result = await runner.done;
    await stop(server.cli);
    expect(result.stderr).toMatch(/msg="source retry"/);
    expect(result.code, result.stderr).toBe(0);
    expect(await lakeSummary(lake)).toEqual(extractorSummary(all));
    expect((await runCli(['verify', '--lake', lake, '--start', String(contiguous.start), '--end', String(contiguous.end)])).code).toBe(0);
  });

  it('the runner is SIGKILLed and restarted: resumes, every ledger exactly once', async () => {
    const server = await startServe(ledgersDir, ['--pace-ms', '400']);
    try {
      const lake = tmp('runner-kill');
      const args = ['run', '--source', `grpc://${server.address}`, '--start', String(contiguous.start), '--end', String(contiguous.end), '--lake', lake, '--streams', '2', '--threads', '1', '--commit-interval', '0', '--batch-size', '1'];
      const first = startCli(args);
      await first.waitFor(/msg="committed"/);
      const killed = await stop(first, 'SIGKILL');
      expect(killed.signal).toBe('SIGKILL');
      const second = await runCli(args);
      expect(second.code, second.stderr).toBe(0);
      const committedAtRestart = /msg="starting" .* committed=(\S+)/.exec(second.stderr)![1];
      expect(committedAtRestart).not.toBe('none');
      expect(committedAtRestart).not.toBe(`${contiguous.start}-${contiguous.end}`);
      expect(await lakeSummary(lake)).toEqual(extractorSummary(all));
      expect((await runCli(['verify', '--lake', lake, '--start', String(contiguous.start), '--end', String(contiguous.end)])).code).toBe(0);
    } finally {
      await stop(server.cli);
    }
  });

  it('SIGTERM stops reading, commits what is done and exits 0', async () => {
    const server = await startServe(ledgersDir, ['--pace-ms', '400']);
    try {
      const lake = tmp('sigterm');
      const runner = startCli(['run', '--source', `grpc://${server.address}`, '--start', String(contiguous.start), '--end', String(contiguous.end), '--lake', lake, '--streams', '2', '--threads', '1', '--commit-interval', '0']);
      await runner.waitFor(/msg="committed"/);
      const result = await stop(runner, 'SIGTERM');
      expect(result.code, result.stderr).toBe(0);
      const committed = /msg="stopped; progress committed" ledgers=(\d+) committed=(\S+)/.exec(result.stderr);
      expect(committed).not.toBeNull();
      const n = Number(committed![1]);
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThan(11);
      const summary = await lakeSummary(lake);
      expect(summary.ledgers).toBe(n);
      expect(summary.distinct_ledgers).toBe(n);
    } finally {
      await stop(server.cli);
    }
  });

  it('a second signal exits at once with 130, leaving only whole committed ledgers visible', async () => {
    const server = await startServe(ledgersDir, ['--pace-ms', '300']);
    try {
      const lake = tmp('second-signal');
      const runner = startCli(['run', '--source', `grpc://${server.address}`, '--start', String(contiguous.start), '--end', String(contiguous.end), '--lake', lake, '--streams', '2', '--threads', '1', '--commit-interval', '0']);
      await runner.waitFor(/msg="committed"/);
      runner.proc.kill('SIGTERM');
      await runner.waitFor(/stopping, committing/);
      runner.proc.kill('SIGTERM');
      const result = await runner.done;
      expect(result.code).toBe(ExitCode.interrupted);
      const present = (await queryJson(lake, 'SELECT sequence FROM ledgers ORDER BY sequence')).map((r) => Number(r.sequence));
      expect(new Set(present).size).toBe(present.length);
      for (const s of present) expect((await lakeSummary(lake, s, s)).transactions).toBe(extractorSummary([s]).transactions);
      const resumed = await runCli(['run', '--source', `grpc://${server.address}`, '--start', String(contiguous.start), '--end', String(contiguous.end), '--lake', lake, '--threads', '1']);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(await lakeSummary(lake)).toEqual(extractorSummary(all));
    } finally {
      await stop(server.cli);
    }
  });

  it('a corrupt ledger: exit 5 naming it, the ledgers before it committed and intact', async () => {
    const dir = tmp('corrupt-src');
    for (const s of seqs(30822015, 30822018)) copyFileSync(join(ledgersDir, `${s}.xdr`), join(dir, `${s}.xdr`));
    const bytes = readFileSync(join(ledgersDir, '30822017.xdr'));
    writeFileSync(join(dir, '30822017.xdr'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const lake = tmp('corrupt');
    const r = await runCli(['run', '--source', `files:${dir}`, '--start', '30822015', '--end', '30822018', '--lake', lake, '--streams', '1', '--threads', '1']);
    expect(r.code).toBe(ExitCode.data);
    expect(r.stderr).toMatch(/error \[\w+\]: ledger 30822017: /);
    // Ledgers before the corrupt one are committed once; the corrupt one is absent. (A ledger after
    // it that was already extracted may be committed too; a re-run fills the gap once fixed.)
    const present = (await queryJson(lake, 'SELECT sequence FROM ledgers ORDER BY sequence')).map((r) => r.sequence);
    expect(present.slice(0, 2)).toEqual([30822015, 30822016]);
    expect(present).not.toContain(30822017);
    expect(new Set(present).size).toBe(present.length);
    expect(await lakeSummary(lake, 30822015, 30822016)).toEqual(extractorSummary([30822015, 30822016]));
    expect((await runCli(['verify', '--lake', lake, '--start', '30822015', '--end', '30822016'])).code).toBe(0);
  });

  it('a gap in the gRPC source: exit 3 naming the missing ledger', async () => {
    const dir = tmp('gap-src');
    for (const s of all) if (s !== 30822019) copyFileSync(join(ledgersDir, `${s}.xdr`), join(dir, `${s}.xdr`));
    const server = await startServe(dir);
    try {
      const lake = tmp('gap');
      const r = await runCli(['run', '--source', `grpc://${server.address}`, '--start', String(contiguous.start), '--end', String(contiguous.end), '--lake', lake, '--threads', '1']);
      expect(r.code).toBe(ExitCode.source);
      expect(r.stderr).toMatch(/error \[SOURCE_MISSING_LEDGER\]: ledger 30822019: .*ledger 30822019 is missing/);
      const summary = await lakeSummary(lake);
      expect(summary.ledgers).toBe(summary.distinct_ledgers);
      expect((await queryJson(lake, 'SELECT count(*) AS n FROM ledgers WHERE sequence = 30822019'))[0]!.n).toBe(0);
    } finally {
      await stop(server.cli);
    }
  });

  it('a wrong network passphrase: exit 5 naming the ledger, nothing committed', async () => {
    const lake = tmp('network');
    const r = await runCli(['run', '--source', `files:${ledgersDir}`, '--start', '30822015', '--end', '30822016', '--lake', lake, '--network', 'testnet', '--threads', '1', '--streams', '1']);
    expect(r.code).toBe(ExitCode.data);
    expect(r.stderr).toMatch(/ledger 30822015: /);
    expect((await lakeSummary(lake)).ledgers).toBe(0);
  });

  it('an unreachable endpoint: exit 3 naming the endpoint', async () => {
    const port = await freePort();
    const r = await runCli(['run', '--source', `grpc://127.0.0.1:${port}`, '--start', '1', '--end', '5', '--lake', tmp('unreachable'), '--retry-timeout', '1', '--threads', '1']);
    expect(r.code).toBe(ExitCode.source);
    expect(r.stderr).toContain(`grpc://127.0.0.1:${port} unreachable`);
  });

  it('lake errors exit 4: an unusable lake path, and querying a lake that does not exist', async () => {
    const dir = tmp('lake-error');
    writeFileSync(join(dir, 'not-a-dir'), 'x');
    const r = await runCli(['run', '--source', `files:${ledgersDir}`, '--start', '30822015', '--end', '30822015', '--lake', join(dir, 'not-a-dir', 'lake'), '--threads', '1']);
    expect(r.code, r.stderr).toBe(ExitCode.lake);
    expect(r.stderr).toMatch(/^error \[\w+\]: /m);
    const q = await runCli(['query', '--lake', join(dir, 'missing'), 'SELECT 1']);
    expect(q.code).toBe(ExitCode.lake);
    expect(q.stderr).toContain(`no lake at ${join(dir, 'missing')}`);
  });

  it('invalid config: exit 2, one message per problem naming the key', async () => {
    const dir = tmp('config');
    writeFileSync(join(dir, 'c.yaml'), 'source: grpc://nohost\nstreams: 0\nwhat: 1\n');
    const r = await runCli(['run', '--config', join(dir, 'c.yaml'), '--start', 'x']);
    expect(r.code).toBe(ExitCode.config);
    for (const key of ['source (--source)', 'start (--start)', 'streams (--streams)', 'what', 'lake (--lake)']) expect(r.stderr).toContain(`  ${key}: `);
  });
});
