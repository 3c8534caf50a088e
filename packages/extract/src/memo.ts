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
 * A cache of values computed from 32-byte keys (ed25519 keys, hashes), looked up by a number
 * made of the first six bytes and confirmed against all 32 bytes, so no string is built per call.
 */
export class Key32Memo<V> {
  private readonly map = new Map<number, { key: Uint8Array; value: V }>();

  constructor(private readonly limit = 65_536) {}

  /** The cached value for `key`, computing and storing it with `compute` when absent. */
  get(key: Uint8Array, compute: () => V): V {
    const h = key[0]! * 2 ** 40 + key[1]! * 2 ** 32 + (((key[2]! << 24) | (key[3]! << 16) | (key[4]! << 8) | key[5]!) >>> 0);
    const hit = this.map.get(h);
    if (hit !== undefined && sameBytes(hit.key, key)) return hit.value;
    const value = compute();
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(h, { key: key.slice(), value });
    return value;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
