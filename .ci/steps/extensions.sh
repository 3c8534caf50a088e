#!/usr/bin/env bash
# Places the official DuckDB extensions (ducklake, postgres_scanner, sqlite_scanner, httpfs) from
# their PyPI wheels into .extensions/, so tests run without extensions.duckdb.org.
set -euo pipefail
cd "$(dirname "$0")/../.."
node scripts/extensions-offline.mjs --dir .extensions
