/** The `--help` text. */
export const usage = `stellar-ducklake-run: Stellar ledgers into DuckLake

Usage:
  stellar-ducklake-run run    --source <grpc://HOST:PORT | files:DIR> --start N [--end N] --lake DIR
                              [--catalog URI --data-path PATH] [--streams 6] [--threads N]
                              [--network pubnet|testnet | --network-passphrase TEXT]
                              [--batch-size N] [--commit-interval SECONDS] [--config FILE.yaml]
                              [--extension-dir DIR] [--tables ledgers,transactions,operations,native_balances]
                              [--replace] [--retry-timeout SECONDS] [--metrics-port N] [--progress auto|tty|log|none]
                              [--compression snappy|lz4|uncompressed]
  stellar-ducklake-run serve  --source files:DIR --port N [--host 127.0.0.1] [--pace-ms N]
  stellar-ducklake-run export TABLE --source ... --start N --end N [--streams 1] [--threads N] [--network ...]
  stellar-ducklake-run verify --lake DIR --start N --end N [--json]
  stellar-ducklake-run query  --lake DIR [--json] "SQL"

'run' is the default command. Without --end, run follows the tip.
--lake DIR means catalog DIR/catalog.ducklake with data in DIR/data.
Extensions load from --extension-dir or $STELLAR_DUCKLAKE_EXTENSION_DIR when set.

Exit codes: 0 ok, 1 internal error, 2 config, 3 source, 4 lake, 5 ledger data/extraction,
            6 verify found problems, 130 second interrupt.
`;
