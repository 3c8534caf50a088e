import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startMetricsServer, metricsText } from '../src/cli/metrics.js';
import { ProgressDisplay, RunStats } from '../src/cli/progress-display.js';
import { hashChainBreaks } from '../src/commands/verify.js';
import { formatTable, toJsonLine } from '../src/commands/query.js';
import { main } from '../src/cli/main.js';

function stats(): RunStats {
  const s = new RunStats();
  s.onPlan([{ start: 1, end: 10 }, { start: 11, end: 20 }]);
  s.onChunkStart(0, { start: 1, end: 10 });
  s.onChunkStart(1, { start: 11, end: 20 });
  s.onLedger(0, 1, { ledgers: 1, transactions: 5, operations: 9, native_balances: 3 });
  s.onLedger(1, 11, { ledgers: 1, transactions: 2, operations: 4, native_balances: 1 });
  s.onCommit();
  return s;
}

describe('progress and metrics', () => {
  it('renders per-stream positions and row counts on a TTY and as log lines otherwise', () => {
    const tty = new PassThrough();
    new ProgressDisplay(stats(), 'tty', tty).render();
    const text = tty.read().toString();
    expect(text).toMatch(/^ledgers 2\/20 \(10\.0%\)/);
    expect(text).toContain('rows   ledgers=2 transactions=7 operations=13 native_balances=4');
    expect(text).toContain('stream 0: 1-10 at 1');
    expect(text).toContain('stream 1: 11-20 at 11');
    const log = new PassThrough();
    new ProgressDisplay(stats(), 'log', log).render();
    expect(log.read().toString()).toMatch(/^level=info msg=progress done=2 total=20 rate=[\d.]+ eta_s=(\d+|unknown) commits=1 retries=0 ledgers=2 transactions=7 operations=13 native_balances=4\n$/);
  });

  it('serves Prometheus text on /metrics', async () => {
    const s = stats();
    const server = await startMetricsServer(s, 0);
    try {
      const body = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
      expect(body).toBe(metricsText(s));
      expect(body).toContain('stellar_ducklake_ledgers_total 2\n');
      expect(body).toContain('stellar_ducklake_rows_total{table="operations"} 13\n');
      expect(body).toContain('stellar_ducklake_stream_position{stream="1"} 11\n');
    } finally {
      await server.close();
    }
  });
});

describe('verify hash chain', () => {
  it('flags a ledger whose previous hash is not the hash of the ledger before it', () => {
    const rows = [
      { sequence: 3, ledger_hash: 'c', previous_ledger_hash: 'b' },
      { sequence: 1, ledger_hash: 'a', previous_ledger_hash: 'z' },
      { sequence: 2, ledger_hash: 'b', previous_ledger_hash: 'a' },
      { sequence: 4, ledger_hash: 'd', previous_ledger_hash: 'x' },
      { sequence: 6, ledger_hash: 'f', previous_ledger_hash: 'e' },
    ];
    expect(hashChainBreaks(rows)).toEqual([{ ledger: 4, previousLedgerHash: 'x', expected: 'c' }]);
  });
});

describe('query output', () => {
  it('prints exact 64-bit integers in JSON and aligned tables', () => {
    expect(toJsonLine({ id: 132379546421821440n, at: new Date(0), s: 'x' })).toBe('{"id":132379546421821440,"at":"1970-01-01T00:00:00.000Z","s":"x"}');
    expect(formatTable([{ a: 1, bb: null }, { a: 22, bb: 'y' }])).toBe('a  | bb\n---+-----\n1  | NULL\n22 | y\n(2 rows)\n');
  });
});

describe('main', () => {
  it('prints usage, and exits 2 listing config problems', async () => {
    const io = () => ({ stdout: new PassThrough(), stderr: new PassThrough(), isTty: false, env: {}, stop: new AbortController().signal });
    const help = io();
    expect(await main(['--help'], help)).toBe(0);
    expect(help.stdout.read().toString()).toContain('stellar-ducklake-run run    --source <grpc://HOST:PORT | files:DIR>');
    const bad = io();
    expect(await main(['run', '--start', '5', '--end', '1'], bad)).toBe(2);
    const err = bad.stderr.read().toString();
    expect(err).toContain('  source (--source): required');
    expect(err).toContain('  end (--end): must be at least start (5), got 1');
    expect(err).toContain('  lake (--lake): required');
  });
});
