// SHA-256 of a file's bytes, streamed (a photo or a model file need not fit in memory).
import crypto from 'node:crypto';
import fs from 'node:fs';

/** Lower-case hex, as `sha256sum` prints it. */
export async function sha256File(file: string, signal?: AbortSignal): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024, signal })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
