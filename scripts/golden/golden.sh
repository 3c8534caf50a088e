#!/usr/bin/env bash
# The stellar-etl golden generator (`pnpm golden`): installs the pinned tools (install.sh), then
#   with arguments:    runs golden.mjs with them, e.g.
#                        pnpm golden --network testnet --out .golden path/to/*.xdr.zst
#   without arguments: generates the rows the differential tests compare against, from the shared
#                      fixtures (STELLAR_DUCKLAKE_FIXTURES, else ../shared/fixtures), into .golden/:
#                        pubnet: the 2020 ledgers (raw .xdr) and 53312000 (Galexie batch)
#                        testnet: 982180 (Galexie batch)
#                      with companions, so isolated ledgers get accounts rows too; then checks
#                      that stellar-etl's rows for the 2020 ledgers equal the fixtures' expected
#                      rows byte for byte, and that a companion export of 30822018 and 30822024
#                      alone gives the same accounts rows as the consecutive export.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

out="${STELLAR_DUCKLAKE_GOLDEN:-$root/.golden}"
set +e
GOLDEN_TOOLS_DIR="$(bash scripts/golden/install.sh 2> >(tee "${TMPDIR:-/tmp}/golden-install.$$.log" >&2) | tail -n 1)"
status=$?
set -e
if [[ $status -eq 3 ]]; then
  # stellar-etl cannot be installed from any reachable registry: record why, loudly, so the
  # differential suites report the block instead of passing silently or failing on a missing file.
  mkdir -p "$out"
  grep 'UNAVAILABLE' "${TMPDIR:-/tmp}/golden-install.$$.log" > "$out/UNAVAILABLE"
  rm -f "${TMPDIR:-/tmp}/golden-install.$$.log"
  echo "golden: WARNING: stellar-etl is not available; differential tests against it will not run:" >&2
  cat "$out/UNAVAILABLE" >&2
  exit 0
fi
rm -f "${TMPDIR:-/tmp}/golden-install.$$.log"
[[ $status -eq 0 ]] || exit "$status"
export GOLDEN_TOOLS_DIR
rm -f "$out/UNAVAILABLE"

if [[ $# -gt 0 ]]; then
  exec node scripts/golden/golden.mjs "$@"
fi

fixtures="${STELLAR_DUCKLAKE_FIXTURES:-$root/../shared/fixtures}"
[[ -d "$fixtures/ledgers" ]] || { echo "golden: ERROR: fixtures not found at $fixtures (set STELLAR_DUCKLAKE_FIXTURES)" >&2; exit 1; }
rm -rf "$out/pubnet" "$out/testnet"

node scripts/golden/golden.mjs --network pubnet --out "$out" --companions \
  "$fixtures"/ledgers/*.xdr "$fixtures/modern/pubnet-53312000/FCD285FF--53312000.xdr.zstd"
node scripts/golden/golden.mjs --network testnet --out "$out" --companions \
  "$fixtures/modern/testnet-982180/testdata.xdr.zst"

# The generator's first check: its rows for the 2020 ledgers are the fixtures' expected rows.
checked=0
for f in "$fixtures"/expected/*/*.jsonl; do
  rel="${f#"$fixtures"/expected/}"
  cmp -s "$f" "$out/pubnet/$rel" || { echo "golden: ERROR: $out/pubnet/$rel differs from $f" >&2; exit 1; }
  checked=$((checked + 1))
done
[[ $checked -gt 0 ]] || { echo "golden: ERROR: no expected rows under $fixtures/expected" >&2; exit 1; }
echo "golden: stellar-etl's rows equal the $checked expected-row files of the fixtures byte for byte"

# Synthetic ledgers covering every operation type and variant the fixtures lack (built by the
# extractor's test helpers from first principles), exported by stellar-etl for the operations
# differential test.
synthetic="$out/synthetic-operations"
rm -rf "$synthetic"
(cd packages/extract && npx tsx test/operations/write-synthetic-ledgers.ts "$synthetic/ledgers")
node scripts/golden/golden.mjs --network pubnet --out "$synthetic" --tables operations "$synthetic/ledgers"/*.xdr

# A companion export of ledgers that do have a real successor gives the same accounts rows.
solo="$(mktemp -d)"
trap 'rm -rf "$solo"' EXIT
node scripts/golden/golden.mjs --network pubnet --out "$solo" --companions --tables accounts \
  "$fixtures/ledgers/30822018.xdr" "$fixtures/ledgers/30822024.xdr"
for seq in 30822018 30822024; do
  cmp -s <(sort "$solo/pubnet/accounts/$seq.jsonl") <(sort "$out/pubnet/accounts/$seq.jsonl") \
    || { echo "golden: ERROR: accounts of $seq from a companion export differ from the consecutive export" >&2; exit 1; }
done
echo "golden: companion exports of 30822018 and 30822024 give the consecutive export's accounts rows"
