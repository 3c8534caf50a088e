/**
 * Bounded memoisation of pure functions of bytes. Ledgers repeat the same accounts and assets
 * many times; caching their strkeys and asset ids avoids recomputing them. Results depend only on
 * the input bytes, so caching never changes an output.
 */

/** A cache from byte strings to values, emptied when it reaches `limit` entries. */
export class BytesMemo<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly limit = 65_536) {}

  /** The cached value for `key`, computing and storing it with `compute` when absent. */
  get(key: string, compute: () => V): V {
    let v = this.map.get(key);
    if (v === undefined) {
      v = compute();
      if (this.map.size >= this.limit) this.map.clear();
      this.map.set(key, v);
    }
    return v;
  }
}

/**
 * A cache of values computed from 32-byte keys (ed25519 keys, hashes), looked up by a small integer
 * made of the first 30 bits and confirmed against all 32 bytes, so no string is built per call.
 * Keys of ledgers are hashes or random public keys: their leading bits spread evenly, and two keys
 * sharing them only cost a recomputation.
 */
export class Key32Memo<V> {
  private readonly map = new Map<number, { key: Uint8Array; value: V }>();

  constructor(private readonly limit = 65_536) {}

  /** The cached value for `key`, computing and storing it with `compute` when absent. */
  get(key: Uint8Array, compute: () => V): V {
    // Below 2^30: a small integer on every V8 build, which Map hashes without boxing.
    const h = (key[0]! << 22) | (key[1]! << 14) | (key[2]! << 6) | (key[3]! >>> 2);
    const hit = this.map.get(h);
    if (hit !== undefined && sameBytes(hit.key, key)) return hit.value;
    const value = compute();
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(h, { key: key.slice(), value });
    return value;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  const n = a.length;
  if (n !== b.length) return false;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}
