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

/** A string key for raw bytes (one UTF-16 code unit per byte). */
export function bytesKey(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
