/**
 * Raw XDR string bytes → JavaScript string with Go's UTF-8 rules.
 */

/**
 * Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte at `i` does not start
 * one. Follows Go's `unicode/utf8`: shortest form only, no surrogates, nothing above U+10FFFF.
 */
function validSequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const n = b.length;
  const cont = (j: number, lo = 0x80, hi = 0xbf): boolean => j < n && b[j]! >= lo && b[j]! <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(i + 1) ? 2 : 0;
  if (c === 0xe0) return cont(i + 1, 0xa0) && cont(i + 2) ? 3 : 0;
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(i + 1) && cont(i + 2) ? 3 : 0;
  if (c === 0xed) return cont(i + 1, 0x80, 0x9f) && cont(i + 2) ? 3 : 0;
  if (c === 0xf0) return cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  if (c === 0xf4) return cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  return 0;
}

function decodeUtf8(b: Uint8Array, start: number, end: number): string {
  return Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('utf8');
}

/**
 * Decodes raw string bytes the way Go turns them into runes: valid UTF-8 is kept, and **each** byte
 * that does not start a valid sequence becomes one U+FFFD (WHATWG decoders would merge maximal
 * subparts into fewer replacement characters).
 *
 * @example
 * goString(new Uint8Array([0x61, 0xe2, 0x82, 0x62])); // 'a\uFFFD\uFFFDb'
 */
export function goString(bytes: Uint8Array): string {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return bytes.length === 0 ? '' : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  let out = '';
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const len = validSequenceLength(bytes, i);
    if (len === 0) {
      if (i > runStart) out += decodeUtf8(bytes, runStart, i);
      out += '\uFFFD';
      i += 1;
      runStart = i;
    } else {
      i += len;
    }
  }
  if (bytes.length > runStart) out += decodeUtf8(bytes, runStart, bytes.length);
  return out;
}
