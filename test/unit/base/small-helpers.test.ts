// The small generic helpers: a file's SHA-256, the seeded generator behind reproducible
// sampling, and the CLI's progress line.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256File } from '../../../src/base/sha256-file';
import { rng } from '../../../src/base/seeded-random';
import { statusLine } from '../../../src/base/status-line';
import { tempDir } from '../../helpers/images';

describe('sha256File', () => {
  it('gives the SHA-256 of the bytes, for a file larger than one read', async () => {
    const file = path.join(tempDir('shoebox-hash-'), 'big.bin');
    const data = crypto.randomBytes(3 * 1024 * 1024 + 17);
    fs.writeFileSync(file, data);
    expect(await sha256File(file)).toBe(crypto.createHash('sha256').update(data).digest('hex'));
    fs.writeFileSync(file, 'abc');
    expect(await sha256File(file)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('rejects for a missing file', async () => {
    await expect(sha256File(path.join(tempDir('shoebox-hash-'), 'nope'))).rejects.toThrow(/ENOENT/);
  });
});

describe('rng', () => {
  it('gives the same sequence for a seed, another for another seed, in [0, 1)', () => {
    const a = Array.from({ length: 5 }, rng(42));
    expect(Array.from({ length: 5 }, rng(42))).toEqual(a);
    expect(Array.from({ length: 5 }, rng(43))).not.toEqual(a);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('statusLine', () => {
  /** A terminal of `columns` that records what is written to it. */
  function terminal(columns: number, isTTY = true) {
    const out: string[] = [];
    const stream = { isTTY, columns, write: (s: string) => out.push(s) } as unknown as NodeJS.WriteStream;
    return { stream, out };
  }

  it('rewrites one line in place, clears what a longer line left, and ends it once', () => {
    const { stream, out } = terminal(80);
    const line = statusLine({ stream, minIntervalMs: 0 });
    line.show('10/100 photos');
    line.show('9/100');
    line.end();
    line.end();
    expect(out).toEqual(['\r10/100 photos', '\r9/100        ', '\n']);
  });

  it('draws nothing into a pipe or when disabled, and never wraps a narrow terminal', () => {
    const pipe = terminal(80, false);
    statusLine({ stream: pipe.stream }).show('x');
    const off = terminal(80);
    statusLine({ stream: off.stream, enabled: false }).show('x');
    expect([...pipe.out, ...off.out]).toEqual([]);
    const narrow = terminal(21);
    statusLine({ stream: narrow.stream }).show('a'.repeat(50));
    expect(narrow.out).toEqual([`\r${'a'.repeat(20)}`]);
  });

  it('skips redraws within the interval unless forced (the last one)', () => {
    const { stream, out } = terminal(80);
    const line = statusLine({ stream, minIntervalMs: 60_000 });
    line.show('1/3');
    line.show('2/3');
    line.show('3/3', true);
    expect(out).toEqual(['\r1/3', '\r3/3']);
  });
});
