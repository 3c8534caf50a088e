/**
 * Ingest throughput of the DuckLake sink, per table, with the fixture ledgers' real rows.
 *
 * For each table, and for all four together, the same rows are written (a) through the sink into a
 * fresh DuckLake with only those tables enabled (Parquet pages, spool file, one transaction per
 * batch with progress), (b) by DuckDB's appender into a TEMP table of a plain in-memory DuckDB (the
 * appender-into-staging ceiling of a row-by-row writer), and (c) only encoded into Parquet pages
 * (no DuckDB at all). Reported: rows/s of each (median of several runs) and the sink's ratio to (b).
 *
 * Options: --runs N (default 3), --copies N (fixture set repeated N times, default 20),
 * --batch N (ledgers per flush, default 60), --json (machine-readable output).
 */
import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance, DuckDBTimestampValue, LIST, UINTEGER, VARCHAR, type DuckDBAppender } from '@duckdb/node-api';
import { extractLedger, Networks, tables, writeJson, type ColumnDef, type JsonValue, type LedgerRows, type TableName } from '@stellar-ducklake/extract';
import { encodeLedger, openDuckLakeSink, tableRows } from '../src/index.js';
import { createTableSql } from '../src/ddl.js';
import { flagArg, numberArg } from './args.js';

const RUNS = numberArg('runs', 3);
const COPIES = numberArg('copies', 20);
const BATCH = numberArg('batch', 60);
const JSON_OUT = flagArg('json');

const repoRoot = resolve(import.meta.dirname, '../../..');
const fixtures = resolve(process.env.STELLAR_DUCKLAKE_FIXTURES ?? join(repoRoot, '../shared/fixtures'));
const extensionDirectory = resolve(process.env.STELLAR_DUCKLAKE_EXTENSION_DIR ?? join(repoRoot, '.extensions'));

/** Appends one value of a column with the typed appender call of its SQL type. */
function appendValue(a: DuckDBAppender, c: ColumnDef, v: unknown): void {
  if (v === null || v === undefined) return a.appendNull();
  switch (c.sqlType) {
    case 'INTEGER':
      return a.appendInteger(v as number);
    case 'UINTEGER':
      return a.appendUInteger(v as number);
    case 'BIGINT':
      return a.appendBigInt(v as bigint);
    case 'UBIGINT':
      return a.appendUBigInt(v as bigint);
    case 'DOUBLE':
      return a.appendDouble(v as number);
    case 'VARCHAR':
      return a.appendVarchar(v as string);
    case 'JSON':
      return a.appendVarchar(typeof v === 'string' ? v : writeJson(v as JsonValue));
    case 'BOOLEAN':
      return a.appendBoolean(v as boolean);
    case 'TIMESTAMPTZ':
      return a.appendTimestamp(new DuckDBTimestampValue(BigInt((v as Date).getTime()) * 1000n));
    case 'VARCHAR[]':
      return a.appendList(v as string[], LIST(VARCHAR));
    case 'UINTEGER[]':
      return a.appendList(v as number[], LIST(UINTEGER));
  }
}

/** A fixture ledger moved to another sequence (ids and ledger columns shifted consistently). */
function relabel(rows: LedgerRows, seq: number): LedgerRows {
  const delta = BigInt(seq - rows.ledger.sequence) << 32n;
  return {
    ledger: { ...rows.ledger, sequence: seq, id: rows.ledger.id + delta },
    transactions: rows.transactions.map((t) => ({ ...t, ledger_sequence: seq, id: t.id + delta })),
    operations: rows.operations.map((o) => ({ ...o, ledger_sequence: seq, id: o.id + delta, transaction_id: o.transaction_id + delta })),
    nativeBalances: rows.nativeBalances.map((b) => ({ ...b, ledger_sequence: seq })),
  };
}

function loadLedgers(): LedgerRows[] {
  const dir = join(fixtures, 'ledgers');
  const base = readdirSync(dir)
    .filter((f) => /^\d+\.xdr$/.test(f))
    .sort()
    .map((f) => extractLedger(new Uint8Array(readFileSync(join(dir, f))), { networkPassphrase: Networks.PUBNET }));
  const out: LedgerRows[] = [];
  for (let c = 0; c < COPIES; c++) for (const l of base) out.push(relabel(l, 1_000_000 + out.length));
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const ALL = Object.keys(tables) as TableName[];

async function sinkRun(ledgers: LedgerRows[], selected: readonly TableName[]): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'sink-bench-'));
  try {
    const only = Object.fromEntries(ALL.map((t) => [t, { enabled: selected.includes(t) }]));
    const sink = await openDuckLakeSink({
      lake: dir,
      extensionDirectory,
      tables: only,
      batchSize: BATCH,
      commitIntervalSeconds: 3600,
      maintenance: { intervalSeconds: 0 },
    });
    const t0 = performance.now();
    for (const l of ledgers) await sink.write(l);
    await sink.flush();
    const seconds = (performance.now() - t0) / 1000;
    await sink.close();
    return seconds;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function ceilingRun(ledgers: LedgerRows[], selected: readonly TableName[]): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    for (const t of selected) await c.run(createTableSql(`stage_${t}`, tables[t], { temp: true }));
    const t0 = performance.now();
    const appenders = await Promise.all(selected.map((t) => c.createAppender(`stage_${t}`, 'main', 'temp')));
    for (const l of ledgers) {
      selected.forEach((t, i) => {
        const a = appenders[i]!;
        for (const row of tableRows(l, t) as Record<string, unknown>[]) {
          for (const col of tables[t].columns) appendValue(a, col, row[col.name]);
          a.endRow();
        }
      });
    }
    for (const a of appenders) a.closeSync();
    return (performance.now() - t0) / 1000;
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

function encodeRun(ledgers: LedgerRows[], selected: readonly TableName[]): number {
  const t0 = performance.now();
  for (const l of ledgers) encodeLedger(l, selected);
  return (performance.now() - t0) / 1000;
}

const ledgers = loadLedgers();
const results: {
  table: string;
  rows: number;
  sinkRowsPerSecond: number;
  ceilingRowsPerSecond: number;
  encodeRowsPerSecond: number;
  ratio: number;
}[] = [];
for (const selected of [...ALL.map((t) => [t]), ALL]) {
  const rows = ledgers.reduce((n, l) => n + selected.reduce((m, t) => m + tableRows(l, t).length, 0), 0);
  const sinkTimes: number[] = [];
  const ceilingTimes: number[] = [];
  const encodeTimes: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    ceilingTimes.push(await ceilingRun(ledgers, selected));
    sinkTimes.push(await sinkRun(ledgers, selected));
    encodeTimes.push(encodeRun(ledgers, selected));
  }
  const sinkRate = rows / median(sinkTimes);
  const ceilingRate = rows / median(ceilingTimes);
  results.push({
    table: selected.length === 1 ? selected[0]! : 'all four tables',
    rows,
    sinkRowsPerSecond: Math.round(sinkRate),
    ceilingRowsPerSecond: Math.round(ceilingRate),
    encodeRowsPerSecond: Math.round(rows / median(encodeTimes)),
    ratio: sinkRate / ceilingRate,
  });
}

if (JSON_OUT) {
  console.log(JSON.stringify({ ledgers: ledgers.length, batch: BATCH, runs: RUNS, results }, null, 2));
} else {
  console.log(`DuckLake sink ingest: ${ledgers.length} ledgers (fixture set x${COPIES}), ${BATCH} ledgers per flush, median of ${RUNS} runs`);
  console.log('| table | rows | sink rows/s | appender→staging rows/s (baseline) | sink / baseline | Parquet pages only rows/s |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(`| ${r.table} | ${r.rows} | ${r.sinkRowsPerSecond} | ${r.ceilingRowsPerSecond} | ${r.ratio.toFixed(2)} | ${r.encodeRowsPerSecond} |`);
  }
}
