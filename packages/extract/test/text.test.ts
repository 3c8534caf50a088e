import { describe, expect, it } from 'vitest';
import { goString } from '../src/text.js';

const b = (...x: number[]) => Uint8Array.from(x);

describe('goString', () => {
  it('passes ASCII and valid UTF-8 through', () => {
    expect(goString(new TextEncoder().encode('hello <memo>'))).toBe('hello <memo>');
    expect(goString(new TextEncoder().encode('é€😀'))).toBe('é€😀');
    expect(goString(b())).toBe('');
  });

  it('replaces each invalid byte with one U+FFFD (Go rules, not WHATWG maximal subparts)', () => {
    // Truncated 3-byte sequence: Go gives two U+FFFD, WHATWG one.
    expect(goString(b(0x61, 0xe2, 0x82, 0x62))).toBe('a\uFFFD\uFFFDb');
    // Overlong encoding of '/' is rejected byte by byte.
    expect(goString(b(0xc0, 0xaf))).toBe('\uFFFD\uFFFD');
    // Surrogate half U+D800 (ED A0 80) is invalid in Go: three replacements.
    expect(goString(b(0xed, 0xa0, 0x80))).toBe('\uFFFD\uFFFD\uFFFD');
    // Above U+10FFFF (F4 90 80 80).
    expect(goString(b(0xf4, 0x90, 0x80, 0x80))).toBe('\uFFFD\uFFFD\uFFFD\uFFFD');
    // Lone continuation and 0xFF.
    expect(goString(b(0x80, 0xff, 0x41))).toBe('\uFFFD\uFFFDA');
    // Valid 4-byte sequence after an invalid lead byte.
    expect(goString(b(0xf0, 0xf0, 0x9f, 0x98, 0x80))).toBe('\uFFFD😀');
  });
});
