// Reading photo files without ever hanging or swallowing memory. (Which names count as
// photos: src/core/media/photo-extensions.ts.)
//
// Reading is defensive because the scan and the read are apart in time: a FIFO or device
// swapped in after the scan would block a plain open() forever (so it is opened O_NONBLOCK
// and refused unless fstat says regular file), a hung network mount blocks reads (so each
// read has a deadline), and a huge file would be read whole before its header refused it (so
// size and declared dimensions are checked first).
import fs from 'node:fs/promises';
import { constants } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { tooLargeReason } from '../media';
import type { SharedBuffers } from '../../base/shared-buffers';
import { notRegularFileReason } from '../../base/file-kind';

/** Larger files are refused unread: no camera writes them, and reading one costs its size in memory. */
export const MAX_PHOTO_BYTES = 1024 ** 3;
/** A read (or open) that has not answered after this long is given up: a hung network mount. */
export const READ_TIMEOUT_MS = 30_000;
/** Files at least this large have their declared dimensions checked from the head before being read. */
const HEAD_CHECK_BYTES = 32 * 1024 * 1024;
/** Read in pieces, each with its own deadline, so a slow but live disk is not timed out. */
const CHUNK = 8 * 1024 * 1024;


/** A file that cannot be read as a photo; the message is the one-line reason recorded. */
export class PhotoReadError extends Error {
  override name = 'PhotoReadError';
}

/**
 * A read or open that did not answer in time. The operation itself cannot be cancelled: a
 * read may still land in its buffer later, so that buffer must never be handed out again.
 */
export class ReadTimedOutError extends PhotoReadError {
  override name = 'ReadTimedOutError';
}

/** The file disappeared between the scan and the read: not a failure, just not there. */
export class FileGoneError extends Error {
  override name = 'FileGoneError';
}

export interface ReadOptions {
  timeoutMs?: number;
}

/**
 * A file opened once, for its first bytes (to sniff its format) and then, if it is a photo,
 * for all of them: one open, fstat and close per photo instead of two (indexing's engine
 * thread spent ~0.5 ms a photo on the second). Close it when done.
 */
export class PhotoFile {
  private constructor(
    private readonly handle: fs.FileHandle,
    private readonly file: string,
    /** The size fstat said when opened. */
    readonly size: number,
    private readonly timeoutMs: number,
  ) {}

  /** Opens a regular file (a FIFO, device or folder is refused with a reason, never waited on). */
  static async open(file: string, options: ReadOptions = {}): Promise<PhotoFile> {
    const timeoutMs = options.timeoutMs ?? READ_TIMEOUT_MS;
    const { handle, size } = await openRegularFile(file, timeoutMs);
    return new PhotoFile(handle, file, size, timeoutMs);
  }

  /** The first bytes, enough to sniff the format without reading the file whole. */
  head(bytes = 4096): Promise<Buffer> {
    return readAt(this.handle, this.file, 0, bytes, this.timeoutMs);
  }

  /**
   * The whole file, after checking that it is not over `maxBytes` and (for a large one) that
   * the dimensions its header declares are within the photo limits. With `buffers`, the
   * bytes land in one of its reusable shared buffers (no new memory per photo, and the hash
   * worker reads them without a copy): give them back once used.
   */
  async readAll(options: { maxBytes?: number; buffers?: SharedBuffers } = {}): Promise<Buffer> {
    const { handle, file, size, timeoutMs } = this;
    const maxBytes = options.maxBytes ?? MAX_PHOTO_BYTES;
    if (size > maxBytes) throw new PhotoReadError(`file too large: ${formatBytes(size)} (limit ${formatBytes(maxBytes)})`);
    if (size >= HEAD_CHECK_BYTES) await checkDeclaredSize(await readAt(handle, file, 0, 256 * 1024, timeoutMs));
    // One byte more than fstat said, to see the end in the same read.
    let buffer = options.buffers ? options.buffers.take(size + 1) : Buffer.allocUnsafe(size + 1);
    let total = 0;
    try {
      for (;;) {
        if (total === buffer.length) {
          // It grew since fstat: the limit holds for what is read, not what was seen.
          if (total > maxBytes) throw new PhotoReadError(`file too large: over ${formatBytes(maxBytes)}`);
          const larger = Buffer.allocUnsafe(Math.min(maxBytes + 1, 2 * buffer.length));
          buffer.copy(larger, 0, 0, total);
          options.buffers?.give(buffer);
          buffer = larger;
        }
        const read = await readInto(handle, file, buffer, total, total, Math.min(CHUNK, buffer.length - total), timeoutMs);
        if (read === 0) break;
        total += read;
      }
      if (total > maxBytes) throw new PhotoReadError(`file too large: over ${formatBytes(maxBytes)}`);
    } catch (error) {
      // A read that timed out may still write into the buffer (a network drive that wakes up):
      // given back, it would land in another photo's bytes.
      if (!(error instanceof ReadTimedOutError)) options.buffers?.give(buffer);
      throw error;
    }
    return buffer.subarray(0, total);
  }

  close(): void {
    void this.handle.close().catch(() => {});
  }
}

async function openRegularFile(file: string, timeoutMs: number): Promise<{ handle: fs.FileHandle; size: number }> {
  // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one. It
  // changes nothing for a regular file. (Windows has no FIFOs in the file system; 0 there.)
  const opening = fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  let handle: fs.FileHandle;
  try {
    handle = await withDeadline(opening, timeoutMs, file);
  } catch (error) {
    // An open that answers after the deadline must not leak its descriptor.
    opening.then((h) => h.close(), () => {}).catch(() => {});
    throw readError(error);
  }
  try {
    const st = await withDeadline(handle.stat(), timeoutMs, file);
    if (!st.isFile()) throw new PhotoReadError(notRegularFileReason(st));
    return { handle, size: st.size };
  } catch (error) {
    void handle.close().catch(() => {});
    throw readError(error);
  }
}

async function readAt(handle: fs.FileHandle, file: string, position: number, length: number, timeoutMs: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(length);
  const read = await readInto(handle, file, buf, 0, position, length, timeoutMs);
  return read === length ? buf : buf.subarray(0, read);
}

/** Reads up to `length` bytes at `position` of the file into `buf` at `offset`. */
async function readInto(handle: fs.FileHandle, file: string, buf: Buffer, offset: number, position: number, length: number, timeoutMs: number): Promise<number> {
  try {
    const { bytesRead } = await withDeadline(handle.read(buf, offset, length, position), timeoutMs, file);
    return bytesRead;
  } catch (error) {
    throw readError(error);
  }
}

/** JPEG and PNG declare their size in the first bytes: a bomb is refused before it is read. */
async function checkDeclaredSize(head: Buffer): Promise<void> {
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await sharp(head, { limitInputPixels: false }).metadata());
  } catch {
    return; // not readable from the head alone: the full decode checks it
  }
  const reason = width && height ? tooLargeReason(width, height) : null;
  if (reason) throw new PhotoReadError(reason);
}

/** Resolves or rejects as `promise` does, or rejects after `ms` (the operation itself cannot be cancelled). */
export function withDeadline<T>(promise: Promise<T>, ms: number, file: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ReadTimedOutError(`read timed out after ${Math.round(ms / 1000)} s (${path.basename(file)} did not answer: a hung network drive?)`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** One line a user can act on, from whatever reading threw. */
function readError(error: unknown): Error {
  if (error instanceof PhotoReadError || error instanceof FileGoneError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new FileGoneError('file is gone');
  if (code === 'EACCES' || code === 'EPERM') return new PhotoReadError(`cannot read (permission denied, ${code})`);
  if (code === 'ENAMETOOLONG') return new PhotoReadError('path too long for this system (ENAMETOOLONG)');
  if (code) return new PhotoReadError(`cannot read (${code})`);
  return new PhotoReadError(`cannot read (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
}

function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  return `${Math.round(n / 1024 ** 2)} MB`;
}
