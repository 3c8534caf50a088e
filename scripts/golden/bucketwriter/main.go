// Command bucketwriter lays out LedgerCloseMeta files as a ledger bucket in the layout of SDF's
// public ledger bucket and Galexie's exports: one zstd-compressed LedgerCloseMetaBatch holding one
// ledger per object, 64000 objects per partition directory,
//
//	<root>/<prefix>/<FFFFFFFF-partStart>--<partStart>-<partEnd>/<FFFFFFFF-seq>--<seq>.xdr.zst
//
// Inputs are raw LedgerCloseMeta XDR files (any name not ending in .zst/.zstd) or zstd-compressed
// LedgerCloseMetaBatch files (.xdr.zst / .xdr.zstd, any number of ledgers). Every input ledger is
// decoded with the Stellar SDK to learn its sequence and to reject files it cannot read; the batch
// written for a ledger carries the ledger's original bytes.
//
// With -companions, every input ledger N whose successor is not among the inputs also gets a
// companion at N+1: a copy of ledger N whose header says N+1. It exists only so that a reader which
// needs a ledger after N (stellar-etl's entry-changes export skips one-ledger ranges) can process
// N; whatever is derived from the companion itself is meaningless.
//
// Prints {"ledgers":[...],"companions":[...]} (sequences written) to stdout.
//
// Usage:
//
//	bucketwriter -root DIR -prefix BUCKET/v1/ledgers/pubnet [-companions] FILE...
package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/stellar/go-stellar-sdk/support/compressxdr"
	"github.com/stellar/go-stellar-sdk/xdr"
)

// ledgersPerFile and filesPerPartition are the schema stellar-etl hard-codes for its datastore.
const (
	ledgersPerFile    = 1
	filesPerPartition = 64000
)

type ledger struct {
	seq uint32
	raw []byte // exact LedgerCloseMeta XDR bytes
}

func main() {
	root := flag.String("root", "", "directory that stands for the storage root (the bucket is its first path segment)")
	prefix := flag.String("prefix", "", "bucket and object prefix, e.g. ledgers/v1/ledgers/pubnet")
	companions := flag.Bool("companions", false, "also write a relabelled copy of each ledger whose successor is missing")
	flag.Parse()
	if *root == "" || *prefix == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: bucketwriter -root DIR -prefix BUCKET/PATH FILE...")
		os.Exit(2)
	}
	if err := run(*root, *prefix, *companions, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "bucketwriter:", err)
		os.Exit(1)
	}
}

func run(root, prefix string, withCompanions bool, files []string) error {
	seen := map[uint32]string{}
	var all []ledger
	for _, f := range files {
		ls, err := readInput(f)
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		for _, l := range ls {
			if prev, dup := seen[l.seq]; dup {
				return fmt.Errorf("ledger %d appears in both %s and %s", l.seq, prev, f)
			}
			seen[l.seq] = f
			all = append(all, l)
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].seq < all[j].seq })

	var companions []ledger
	if withCompanions {
		for _, l := range all {
			if _, ok := seen[l.seq+1]; ok {
				continue
			}
			c, err := companion(l)
			if err != nil {
				return fmt.Errorf("companion of ledger %d: %w", l.seq, err)
			}
			companions = append(companions, c)
		}
	}

	out := struct {
		Ledgers    []uint32 `json:"ledgers"`
		Companions []uint32 `json:"companions"`
	}{Ledgers: []uint32{}, Companions: []uint32{}}
	for _, l := range append(append([]ledger{}, all...), companions...) {
		key := objectKey(l.seq)
		path := filepath.Join(root, filepath.FromSlash(prefix), filepath.FromSlash(key))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := writeBatch(path, l); err != nil {
			return fmt.Errorf("ledger %d: %w", l.seq, err)
		}
	}
	for _, l := range all {
		out.Ledgers = append(out.Ledgers, l.seq)
	}
	for _, l := range companions {
		out.Companions = append(out.Companions, l.seq)
	}
	return json.NewEncoder(os.Stdout).Encode(out)
}

// companion returns a copy of ledger l whose header sequence is one higher.
func companion(l ledger) (ledger, error) {
	var lcm xdr.LedgerCloseMeta
	if err := lcm.UnmarshalBinary(l.raw); err != nil {
		return ledger{}, err
	}
	var header *xdr.LedgerHeaderHistoryEntry
	switch lcm.V {
	case 0:
		header = &lcm.V0.LedgerHeader
	case 1:
		header = &lcm.V1.LedgerHeader
	case 2:
		header = &lcm.V2.LedgerHeader
	default:
		return ledger{}, fmt.Errorf("unknown LedgerCloseMeta version %d", lcm.V)
	}
	header.Header.LedgerSeq++
	raw, err := lcm.MarshalBinary()
	if err != nil {
		return ledger{}, err
	}
	return ledger{seq: l.seq + 1, raw: raw}, nil
}

// objectKey is the object name of the one-ledger file holding seq, relative to the prefix: the
// partition directory, then the file, each named by 0xFFFFFFFF minus its first ledger in upper-case
// hex (so newer ledgers sort first) and its ledger range.
func objectKey(seq uint32) string {
	const partitionSize = ledgersPerFile * filesPerPartition
	partStart := seq / partitionSize * partitionSize
	partEnd := uint64(partStart) + partitionSize - 1
	if partEnd > math.MaxUint32 {
		partEnd = math.MaxUint32
	}
	return fmt.Sprintf("%08X--%d-%d/%08X--%d.xdr.zst", math.MaxUint32-partStart, partStart, partEnd, math.MaxUint32-seq, seq)
}

// readInput returns the ledgers of one input file.
func readInput(path string) ([]ledger, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if strings.HasSuffix(path, ".zst") || strings.HasSuffix(path, ".zstd") {
		r, err := compressxdr.DefaultCompressor.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		defer r.Close()
		plain, err := io.ReadAll(r)
		if err != nil {
			return nil, fmt.Errorf("zstd: %w", err)
		}
		return splitBatch(plain)
	}
	var lcm xdr.LedgerCloseMeta
	if err := lcm.UnmarshalBinary(data); err != nil {
		return nil, fmt.Errorf("not a LedgerCloseMeta: %w", err)
	}
	return []ledger{{seq: lcm.LedgerSequence(), raw: data}}, nil
}

// splitBatch decodes a LedgerCloseMetaBatch and returns each ledger with its own bytes.
func splitBatch(plain []byte) ([]ledger, error) {
	var batch xdr.LedgerCloseMetaBatch
	if err := batch.UnmarshalBinary(plain); err != nil {
		return nil, fmt.Errorf("not a LedgerCloseMetaBatch: %w", err)
	}
	if len(batch.LedgerCloseMetas) == 1 {
		// startSequence, endSequence and the array length precede the single ledger.
		return []ledger{{seq: batch.LedgerCloseMetas[0].LedgerSequence(), raw: plain[12:]}}, nil
	}
	out := make([]ledger, 0, len(batch.LedgerCloseMetas))
	for _, lcm := range batch.LedgerCloseMetas {
		raw, err := lcm.MarshalBinary()
		if err != nil {
			return nil, err
		}
		out = append(out, ledger{seq: lcm.LedgerSequence(), raw: raw})
	}
	return out, nil
}

// writeBatch writes a one-ledger LedgerCloseMetaBatch, zstd-compressed, to path.
func writeBatch(path string, l ledger) error {
	var plain bytes.Buffer
	var head [12]byte
	binary.BigEndian.PutUint32(head[0:], l.seq)
	binary.BigEndian.PutUint32(head[4:], l.seq)
	binary.BigEndian.PutUint32(head[8:], 1)
	plain.Write(head[:])
	plain.Write(l.raw)

	// Check that the SDK reads back exactly this ledger.
	var check xdr.LedgerCloseMetaBatch
	if err := check.UnmarshalBinary(plain.Bytes()); err != nil {
		return fmt.Errorf("batch does not decode: %w", err)
	}
	if len(check.LedgerCloseMetas) != 1 || check.LedgerCloseMetas[0].LedgerSequence() != l.seq {
		return fmt.Errorf("batch does not hold ledger %d", l.seq)
	}

	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w, err := compressxdr.DefaultCompressor.NewWriter(f)
	if err != nil {
		f.Close()
		return err
	}
	if _, err := w.Write(plain.Bytes()); err != nil {
		w.Close()
		f.Close()
		return err
	}
	if err := w.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
