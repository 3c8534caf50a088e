/**
 * Consistency checks over a ledger range: each ledger present exactly once, transaction and
 * operation rows matching the counts in the ledger row, and data matching recorded progress.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ledgerColumn, quoteIdent } from './ddl.js';
import type { LakeTable } from './lake-schema.js';
import { intersectRanges, mergeRanges, missingRanges, rangesOf } from './ranges.js';
import { num, queryRows } from './sql.js';
import type { CountMismatch, LedgerRange, VerifyReport } from './types.js';

/** Cap on the entries of each list in a report. */
const MAX_ITEMS = 1000;

/** Verifies `[start, end]` (inclusive) against the tables present and the committed ranges. */
export async function verifyRange(
  connection: DuckDBConnection,
  tables: readonly (LakeTable & { table: string })[],
  committed: readonly LedgerRange[],
  start: number,
  end: number,
): Promise<VerifyReport> {
  const find = (t: string) => tables.find((x) => x.table === t);
  const ledgers = find('ledgers');
  const transactions = find('transactions');
  const operations = find('operations');
  const range = { start, end };
  const report: VerifyReport = {
    range,
    ok: true,
    missing: [],
    duplicates: [],
    transactionCountMismatches: [],
    operationCountMismatches: [],
    progressMismatches: [],
    skipped: [],
  };
  const committedHere = intersectRanges(mergeRanges(committed), [range]);

  if (ledgers === undefined) {
    report.skipped.push('ledger presence and row counts (the ledgers table is disabled)');
    report.missing = missingRanges(range, committedHere);
  } else {
    const seq = quoteIdent(ledgerColumn.ledgers);
    const counts = await queryRows(
      connection,
      `SELECT ${seq}::BIGINT AS ledger, count(*) AS n FROM ${ledgers.target} WHERE ${seq} BETWEEN $1 AND $2 GROUP BY ALL ORDER BY ledger`,
      [start, end],
    );
    const present = counts.map((r) => num(r.ledger));
    const presentRanges = rangesOf(present);
    report.missing = missingRanges(range, presentRanges);
    report.duplicates = counts
      .filter((r) => num(r.n) > 1)
      .slice(0, MAX_ITEMS)
      .map((r) => ({ ledger: num(r.ledger), count: num(r.n) }));
    // Ledgers with rows but not recorded as committed, and recorded ledgers without rows.
    const notRecorded = intersectRanges(presentRanges, missingRanges(range, committedHere));
    const recordedMissing = intersectRanges(committedHere, report.missing);
    report.progressMismatches = mergeRanges([...notRecorded, ...recordedMissing]).slice(0, MAX_ITEMS);

    const mismatches = async (child: LakeTable | undefined, expected: string, what: string): Promise<CountMismatch[]> => {
      if (child === undefined) {
        report.skipped.push(`${what} per ledger (the table is disabled)`);
        return [];
      }
      const col = quoteIdent('ledger_sequence');
      const rows = await queryRows(
        connection,
        `WITH l AS (SELECT ${seq}::BIGINT AS ledger, min(${expected})::BIGINT AS expected FROM ${ledgers.target}
                    WHERE ${seq} BETWEEN $1 AND $2 GROUP BY ALL),
              c AS (SELECT ${col}::BIGINT AS ledger, count(*) AS actual FROM ${child.target}
                    WHERE ${col} BETWEEN $1 AND $2 GROUP BY ALL)
         SELECT coalesce(l.ledger, c.ledger) AS ledger, coalesce(l.expected, 0) AS expected, coalesce(c.actual, 0) AS actual
         FROM l FULL OUTER JOIN c ON l.ledger = c.ledger
         WHERE l.ledger IS NULL OR coalesce(c.actual, 0) <> l.expected
         ORDER BY ledger LIMIT ${MAX_ITEMS}`,
        [start, end],
      );
      return rows.map((r) => ({ ledger: num(r.ledger), expected: num(r.expected), actual: num(r.actual) }));
    };
    report.transactionCountMismatches = await mismatches(
      transactions,
      `${quoteIdent('successful_transaction_count')} + ${quoteIdent('failed_transaction_count')}`,
      'transaction rows',
    );
    report.operationCountMismatches = await mismatches(operations, quoteIdent('tx_set_operation_count'), 'operation rows');
  }

  report.ok =
    report.missing.length === 0 &&
    report.duplicates.length === 0 &&
    report.transactionCountMismatches.length === 0 &&
    report.operationCountMismatches.length === 0 &&
    report.progressMismatches.length === 0;
  return report;
}
