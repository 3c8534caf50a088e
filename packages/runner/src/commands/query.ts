/** `query`: runs SQL against the lake (plain table names) and prints a table or JSON lines. */
import type { QueryConfig } from '../cli/config.js';
import type { CommandIo } from './io.js';
import { openLake } from './open-lake.js';

/** Renders a value for display and JSON (bigint as an exact number, dates as ISO text). */
function jsonValue(v: unknown): unknown {
  if (typeof v === 'bigint') return v;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(jsonValue);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonValue(x)]));
  return v;
}

/** JSON text with bigints written as exact integers. */
export function toJsonLine(row: Record<string, unknown>): string {
  const marks: string[] = [];
  const text = JSON.stringify(jsonValue(row), (_, v: unknown) => {
    if (typeof v === 'bigint') {
      marks.push(v.toString());
      return `\u0000${marks.length - 1}\u0000`;
    }
    return v;
  });
  return text.replace(/"\\u0000(\d+)\\u0000"/g, (_, i: string) => marks[Number(i)]!);
}

/** A plain-text table of rows. */
export function formatTable(rows: readonly Record<string, unknown>[]): string {
  if (!rows.length) return '(no rows)\n';
  const cols = Object.keys(rows[0]!);
  const cell = (v: unknown): string => (v === null || v === undefined ? 'NULL' : v instanceof Date ? v.toISOString() : typeof v === 'object' ? toJsonLine(v as Record<string, unknown>) : String(v));
  const cells = rows.map((r) => cols.map((c) => cell(r[c])));
  const widths = cols.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (vals: string[]): string => vals.map((v, i) => v.padEnd(widths[i]!)).join(' | ').trimEnd();
  return [line(cols), widths.map((w) => '-'.repeat(w)).join('-+-'), ...cells.map(line), `(${rows.length} row${rows.length === 1 ? '' : 's'})`].join('\n') + '\n';
}

/** Runs `query`; resolves to the exit code. */
export async function queryCommand(config: QueryConfig, io: CommandIo): Promise<number> {
  const sink = await openLake({ lake: config.lake, network: config.network, mustExist: true });
  try {
    const rows = await sink.query(config.sql);
    if (config.json) io.stdout.write(rows.map((r) => toJsonLine(r) + '\n').join(''));
    else io.stdout.write(formatTable(rows));
    return 0;
  } finally {
    await sink.close();
  }
}
