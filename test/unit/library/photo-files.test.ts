// Reading a photo never hangs, never swallows memory and never says more than one line: a
// FIFO or a huge file found where a photo was is refused at once with a reason.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { FileGoneError, PhotoFile, withDeadline } from '../../../src/core/library/photo-files';
import { SharedBuffers, isShared } from '../../../src/base/shared-buffers';
import { tempDir, writeColourPhoto } from '../../helpers/images';

/** The first bytes of a file, through one PhotoFile (as the indexer sniffs). */
async function readHead(file: string, bytes?: number): Promise<Buffer> {
  const photo = await PhotoFile.open(file);
  try {
    return await photo.head(bytes);
  } finally {
    photo.close();
  }
}

/** The whole file, through one PhotoFile (as the indexer reads a photo). */
async function readPhotoBytes(file: string, options: Parameters<PhotoFile['readAll']>[0] = {}): Promise<Buffer> {
  const photo = await PhotoFile.open(file);
  try {
    return await photo.readAll(options);
  } finally {
    photo.close();
  }
}

const posix = process.platform !== 'win32';

/** A small JPEG whose SOF header is rewritten to declare `width` x `height`. */
async function jpegDeclaring(width: number, height: number): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#808080' } }).jpeg().toBuffer();
  for (let i = 2; i < jpeg.length - 9; ) {
    const marker = jpeg[i + 1]!;
    if (marker === 0xc0 || marker === 0xc2) {
      jpeg.writeUInt16BE(height, i + 5);
      jpeg.writeUInt16BE(width, i + 7);
      return jpeg;
    }
    i += 2 + jpeg.readUInt16BE(i + 2);
  }
  throw new Error('no SOF marker');
}

describe('reading photo files', () => {
  it.runIf(posix)('a FIFO where a photo was is refused at once, not waited on', async () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'IMG_0001.jpg');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    await expect(readHead(fifo)).rejects.toThrow('not a regular file (a FIFO)');
    await expect(readPhotoBytes(fifo)).rejects.toThrow('not a regular file (a FIFO)');
    expect(Date.now() - started).toBeLessThan(2000);
  }, 10_000);

  it('a file over the size limit is refused before it is read', async () => {
    const dir = tempDir();
    const big = path.join(dir, 'huge.jpg');
    fs.writeFileSync(big, await jpegDeclaring(64, 48));
    fs.truncateSync(big, 1.5 * 1024 ** 3); // sparse: 1.5 GB that costs nothing on disk
    const rss = process.memoryUsage().rss;
    const started = Date.now();
    await expect(readPhotoBytes(big)).rejects.toThrow('file too large: 1.5 GB (limit 1.0 GB)');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * 1024 ** 2);
  });

  it('a large file whose header declares absurd dimensions is refused from its head', async () => {
    const dir = tempDir();
    const bomb = path.join(dir, 'bomb.jpg');
    fs.writeFileSync(bomb, await jpegDeclaring(60_000, 60_000));
    fs.truncateSync(bomb, 600 * 1024 ** 2);
    const rss = process.memoryUsage().rss;
    await expect(readPhotoBytes(bomb)).rejects.toThrow(/^image too large: 60000x60000 \(3600 MP/);
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * 1024 ** 2);
  });

  it('reads a photo whole, byte for byte', async () => {
    const file = await writeColourPhoto(tempDir(), 'red.jpg', [200, 30, 30]);
    expect((await readPhotoBytes(file)).equals(fs.readFileSync(file))).toBe(true);
    expect((await readHead(file, 4)).equals(fs.readFileSync(file).subarray(0, 4))).toBe(true);
  });

  it('a file gone since the scan is reported as gone, not as a raw ENOENT failure', async () => {
    const missing = path.join(tempDir(), 'deleted.jpg');
    await expect(readPhotoBytes(missing)).rejects.toBeInstanceOf(FileGoneError);
    await expect(readHead(missing)).rejects.toBeInstanceOf(FileGoneError);
  });

  it('a read that never answers is given up after the deadline with a one-line reason', async () => {
    const never = new Promise<Buffer>(() => {});
    await expect(withDeadline(never, 50, '/mnt/nas/IMG_1.jpg')).rejects.toThrow('read timed out after 0 s (IMG_1.jpg did not answer: a hung network drive?)');
  });

  it('reads each photo byte for byte into reused buffers: a smaller photo after a larger one, then a larger one again', async () => {
    const dir = tempDir();
    const random = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed * 17 + ((i * i) >> 7)) & 255));
    const files = [3_000_000, 40_000, 5_200_000].map((n, i) => {
      const file = path.join(dir, `IMG_${i}.jpg`);
      fs.writeFileSync(file, random(n, i));
      return file;
    });
    const buffers = new SharedBuffers(2);
    const first = await readPhotoBytes(files[0]!, { buffers });
    expect(first.equals(fs.readFileSync(files[0]!))).toBe(true);
    expect(isShared(first)).toBe(true); // where the hash worker reads it
    const firstMemory = first.buffer;
    buffers.give(first);
    const second = await readPhotoBytes(files[1]!, { buffers });
    expect(second.buffer).toBe(firstMemory); // reused, not allocated again
    expect(second.equals(fs.readFileSync(files[1]!))).toBe(true); // nothing of the larger photo left in it
    buffers.give(second);
    const third = await readPhotoBytes(files[2]!, { buffers }); // larger than any buffer held
    expect(third.equals(fs.readFileSync(files[2]!))).toBe(true);
  });

  it('one open serves the sniff and the whole read', async () => {
    const dir = tempDir();
    const file = await writeColourPhoto(dir, 'IMG_7.jpg', [10, 200, 30]);
    const photo = await PhotoFile.open(file);
    try {
      expect(photo.size).toBe(fs.statSync(file).size);
      const head = await photo.head(16);
      expect(head.equals(fs.readFileSync(file).subarray(0, 16))).toBe(true);
      expect((await photo.readAll()).equals(fs.readFileSync(file))).toBe(true);
    } finally {
      photo.close();
    }
  });

  it('a buffer whose read timed out is never handed out again: the read may still land in it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'IMG_8.jpg');
    fs.writeFileSync(file, Buffer.alloc(100_000, 1));
    const photo = await PhotoFile.open(file, { timeoutMs: 50 });
    const handleClass = Object.getPrototypeOf((photo as unknown as { handle: object }).handle) as { read: (...args: unknown[]) => Promise<unknown> };
    let target: Uint8Array | undefined;
    const read = vi.spyOn(handleClass, 'read').mockImplementation((buffer: unknown) => {
      target = buffer as Uint8Array;
      return new Promise(() => {}); // a drive that stopped answering
    });
    const buffers = new SharedBuffers(4);
    try {
      await expect(photo.readAll({ buffers })).rejects.toThrow(/^read timed out after 0 s \(IMG_8\.jpg did not answer/);
    } finally {
      read.mockRestore();
      photo.close();
    }
    expect(target).toBeDefined();
    for (let i = 0; i < 4; i++) expect(buffers.take(100_001).buffer).not.toBe(target!.buffer);
    // A read that fails for another reason gives its buffer back as before.
    const other = await PhotoFile.open(file);
    const failing = vi.spyOn(handleClass, 'read').mockImplementation((buffer: unknown) => {
      target = buffer as Uint8Array;
      return Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' }));
    });
    try {
      await expect(other.readAll({ buffers })).rejects.toThrow('cannot read (EIO)');
    } finally {
      failing.mockRestore();
      other.close();
    }
    expect(buffers.take(100_001).buffer).toBe(target!.buffer);
  });
});
