// The two hashes the hub publishes for a file: SHA-256 of the content for LFS files, and the
// git blob id (SHA-1 of "blob <size>\0" + content) for files kept in git itself.
import crypto from 'node:crypto';
import fs from 'node:fs';

export class FileHasher {
  private readonly sha256 = crypto.createHash('sha256');
  private blob: crypto.Hash | undefined;
  private result: { sha256: string; gitBlob?: string } | undefined;
  bytes = 0;

  /** `blobSize`: the expected size, when the git blob id is to be checked too. */
  constructor(blobSize?: number) {
    if (blobSize !== undefined) {
      this.blob = crypto.createHash('sha1');
      this.blob.update(`blob ${blobSize}\0`);
    }
  }

  update(chunk: Uint8Array): void {
    this.sha256.update(chunk);
    this.blob?.update(chunk);
    this.bytes += chunk.length;
  }

  /** The hashes of everything fed so far; feeding stops here (the result is kept). */
  digest(): { sha256: string; gitBlob?: string } {
    this.result ??= { sha256: this.sha256.digest('hex'), gitBlob: this.blob?.digest('hex') };
    return this.result;
  }
}

/** Feeds an existing file to a hasher. */
export async function hashFileInto(file: string, hasher: FileHasher, signal?: AbortSignal): Promise<void> {
  const stream = fs.createReadStream(file, { highWaterMark: 1024 * 1024, signal });
  for await (const chunk of stream) hasher.update(chunk as Buffer);
}
