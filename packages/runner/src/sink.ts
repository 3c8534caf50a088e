/**
 * The narrow sink contract the runner writes to, declared by `@stellar-ducklake/sink-ducklake`.
 * Its DuckLake sink implements it, and so do the runner's in-memory and JSON-lines sinks.
 */
export type { LedgerSink } from '@stellar-ducklake/sink-ducklake';
