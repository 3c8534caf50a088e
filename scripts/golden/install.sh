#!/usr/bin/env bash
# Installs the pinned tools of the stellar-etl golden generator into a tools directory:
#   stellar-etl-<version>       stellar-etl (cgo), from the Go module proxy, or built from source
#   fake-gcs-server-<version>   GCS emulator, from the Go module proxy
#   bucketwriter                scripts/golden/bucketwriter (lays out the ledger bucket)
#
# The tools directory is GOLDEN_TOOLS_DIR, default ${XDG_CACHE_HOME:-~/.cache}/stellar-ducklake/golden-tools.
# Binaries already there are reused; Go's module and build caches (GOMODCACHE, GOCACHE) are the
# go command's defaults unless set, so repeated runs build nothing new.
#
# stellar-etl comes from the Go module proxy (`go install`). Where the proxy does not serve it,
# point STELLAR_ETL_BIN at a stellar-etl binary of the pinned version built elsewhere; it is
# copied into the tools directory and its version is checked.
#
# Prints the tools directory on the last line of stdout. Exits non-zero, saying why, when a tool
# cannot be installed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
source "$here/versions.env"

tools="${GOLDEN_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/stellar-ducklake/golden-tools}"
mkdir -p "$tools"
export CGO_ENABLED=1

log() { echo "golden/install: $*" >&2; }
die() { echo "golden/install: ERROR: $*" >&2; exit 1; }

command -v go >/dev/null || die "the go command is not on PATH; install Go (1.25 or later) first"

# --- fake-gcs-server --------------------------------------------------------------------------
gcs="$tools/fake-gcs-server-$FAKE_GCS_VERSION"
if [[ ! -x "$gcs" ]]; then
  log "installing $FAKE_GCS_MODULE@$FAKE_GCS_VERSION"
  gobin="$(mktemp -d)"
  GOBIN="$gobin" go install "$FAKE_GCS_MODULE@$FAKE_GCS_VERSION" >&2 \
    || die "go install $FAKE_GCS_MODULE@$FAKE_GCS_VERSION failed (see above)"
  mv "$gobin/fake-gcs-server" "$gcs"
  rmdir "$gobin"
fi

# --- bucketwriter -----------------------------------------------------------------------------
log "building bucketwriter"
(cd "$here/bucketwriter" && go build -o "$tools/bucketwriter" .) >&2 || die "building scripts/golden/bucketwriter failed"

# --- stellar-etl ------------------------------------------------------------------------------
etl="$tools/stellar-etl-$STELLAR_ETL_VERSION"

if [[ ! -x "$etl" ]]; then
  log "installing $STELLAR_ETL_MODULE@$STELLAR_ETL_VERSION"
  gobin="$(mktemp -d)"
  if GOBIN="$gobin" go install "$STELLAR_ETL_MODULE@$STELLAR_ETL_VERSION" >&2; then
    mv "$gobin/stellar-etl" "$etl"
  elif [[ -n "${STELLAR_ETL_BIN:-}" ]]; then
    log "go install from the module proxy failed; using STELLAR_ETL_BIN=$STELLAR_ETL_BIN"
    [[ -x "$STELLAR_ETL_BIN" ]] || die "STELLAR_ETL_BIN=$STELLAR_ETL_BIN is not an executable"
    cp "$STELLAR_ETL_BIN" "$etl"
  else
    rm -rf "$gobin"
    echo "golden/install: UNAVAILABLE: the Go module proxy does not serve $STELLAR_ETL_MODULE@$STELLAR_ETL_VERSION (or its cgo dependency $XDR_JSON_MODULE); set STELLAR_ETL_BIN to a stellar-etl $STELLAR_ETL_VERSION binary" >&2
    exit 3
  fi
  rm -rf "$gobin"
fi

"$etl" version >/dev/null 2>&1 || die "$etl does not run"
echo "$tools"
