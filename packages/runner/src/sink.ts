/**
 * The narrow sink contract the runner writes to, declared by `@stellar-ducklake/sink-ducklake`
 * (whose DuckLake sink implements it; {@link MemorySink} and the JSON-lines sink do too).
 */
export type { LedgerSink } from '@stellar-ducklake/sink-ducklake';
