#!/usr/bin/env bash
# Installs the pinned stellar-etl and fake-gcs-server (Go module proxy; Go's module and build caches
# and the tools directory are reused when present) and writes stellar-etl's rows for the fixture
# ledgers into .golden/, which the extractor's differential tests compare against.
# Fails when any tool cannot be installed or stellar-etl fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/golden/golden.sh
