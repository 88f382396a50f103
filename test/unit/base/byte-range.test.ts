// Range headers as browsers' <video> send them: the piece to answer, or why not.
import { describe, expect, it } from 'vitest';
import { contentRange, parseByteRange } from '../../../src/base/byte-range';

describe('parseByteRange', () => {
  it('reads a closed, an open-ended and a suffix range', () => {
    expect(parseByteRange('bytes=100-199', 1000)).toEqual({ start: 100, end: 199 });
    expect(parseByteRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 });
  });

  it('caps an open-ended range at the chunk size (the player asks again)', () => {
    expect(parseByteRange('bytes=0-', 10_000_000, 4096)).toEqual({ start: 0, end: 4095 });
  });

  it('answers a range past the end as unsatisfiable, and ignores what it cannot use', () => {
    expect(parseByteRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-0', 1000)).toBe('unsatisfiable');
    expect(parseByteRange(null, 1000)).toBeNull();
    expect(parseByteRange('bytes=5-2', 1000)).toBeNull();
    expect(parseByteRange('bytes=0-1,5-6', 1000)).toBeNull();
    expect(parseByteRange('items=0-1', 1000)).toBeNull();
  });

  it('writes Content-Range for a piece and for a 416', () => {
    expect(contentRange({ start: 0, end: 9 }, 100)).toBe('bytes 0-9/100');
    expect(contentRange(null, 100)).toBe('bytes */100');
  });
});
