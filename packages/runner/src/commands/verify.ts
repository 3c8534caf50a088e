/**
 * `verify`: checks a lake over a range: each ledger exactly once, row counts equal to what each
 * ledger row promises, progress matching the data, and each ledger's `previous_ledger_hash` equal to
 * the `ledger_hash` of the ledger before it.
 */
import type { VerifyReport } from '@stellar-ducklake/sink-ducklake';
import type { VerifyConfig } from '../cli/config.js';
import { ExitCode } from '../errors.js';
import { formatRangeList } from '../range-format.js';
import type { CommandIo } from './io.js';
import { openLake } from './open-lake.js';

/** A ledger whose `previous_ledger_hash` is not the previous ledger's `ledger_hash`. */
export interface HashBreak {
  ledger: number;
  previousLedgerHash: string;
  expected: string;
}

/** A ledger row as read for the hash-chain check. */
export interface ChainRow {
  sequence: number;
  ledger_hash: string;
  previous_ledger_hash: string;
}

/**
 * Finds broken links between consecutive ledgers present in `rows` (any order; ledgers without a
 * predecessor in `rows` are not judged).
 */
export function hashChainBreaks(rows: readonly ChainRow[]): HashBreak[] {
  const bySeq = new Map<number, ChainRow>();
  for (const r of rows) if (!bySeq.has(r.sequence)) bySeq.set(r.sequence, r);
  const breaks: HashBreak[] = [];
  for (const r of [...bySeq.values()].sort((a, b) => a.sequence - b.sequence)) {
    const prev = bySeq.get(r.sequence - 1);
    if (prev && prev.ledger_hash !== r.previous_ledger_hash) {
      breaks.push({ ledger: r.sequence, previousLedgerHash: r.previous_ledger_hash, expected: prev.ledger_hash });
    }
  }
  return breaks;
}

/** The verify report of the sink plus the hash-chain check. */
export type FullVerifyReport = VerifyReport & { hashBreaks: HashBreak[] };

/** Runs `verify`; resolves to 0 when the range is sound, {@link ExitCode.verifyFailed} otherwise. */
export async function verifyCommand(config: VerifyConfig, io: CommandIo): Promise<number> {
  const sink = await openLake({ lake: config.lake, network: config.network, tables: config.tables, mustExist: true });
  try {
    const { start, end } = config.range;
    const base = await sink.verify(start, end);
    let hashBreaks: HashBreak[] = [];
    if (config.tables.ledgers.enabled) {
      const name = config.tables.ledgers.name.replace(/"/g, '""');
      const rows = await sink.query(
        `SELECT sequence, ledger_hash, previous_ledger_hash FROM "${name}" WHERE sequence BETWEEN ${start - 1} AND ${end} ORDER BY sequence`,
      );
      hashBreaks = hashChainBreaks(
        rows.map((r) => ({ sequence: Number(r.sequence), ledger_hash: String(r.ledger_hash), previous_ledger_hash: String(r.previous_ledger_hash) })),
      ).filter((b) => b.ledger >= start);
    }
    const report: FullVerifyReport = { ...base, ok: base.ok && hashBreaks.length === 0, hashBreaks };
    if (config.json) io.stdout.write(JSON.stringify(report) + '\n');
    else io.stdout.write(formatVerifyReport(report));
    return report.ok ? 0 : ExitCode.verifyFailed;
  } finally {
    await sink.close();
  }
}

/** Human-readable report. */
export function formatVerifyReport(r: FullVerifyReport): string {
  const lines = [`verify ${r.range.start}-${r.range.end}: ${r.ok ? 'OK' : 'PROBLEMS FOUND'}`];
  lines.push(`  missing ledgers: ${formatRangeList(r.missing)}`);
  lines.push(`  duplicate ledgers: ${r.duplicates.length ? r.duplicates.map((d) => `${d.ledger} (x${d.count})`).join(', ') : 'none'}`);
  const mism = (list: { ledger: number; expected: number; actual: number }[]): string =>
    list.length ? list.map((m) => `${m.ledger} (expected ${m.expected}, found ${m.actual})`).join(', ') : 'none';
  lines.push(`  transaction count mismatches: ${mism(r.transactionCountMismatches)}`);
  lines.push(`  operation count mismatches: ${mism(r.operationCountMismatches)}`);
  lines.push(`  progress mismatches: ${formatRangeList(r.progressMismatches)}`);
  lines.push(`  hash chain breaks: ${r.hashBreaks.length ? r.hashBreaks.map((b) => `${b.ledger}`).join(', ') : 'none'}`);
  if (r.skipped.length) lines.push(`  skipped: ${r.skipped.join('; ')}`);
  return lines.join('\n') + '\n';
}
