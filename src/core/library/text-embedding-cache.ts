// Label text embeddings kept on disk. A label set is embedded as labels x prompt templates
// (1,000 labels x 8 templates = 8,000 texts, most of a minute on a CPU), and without a
// cache every `shoebox tag` run and every app start would pay that again. Search queries do
// not come through here: they are one-off texts and would only grow the file.
//
// One append-only file per model (by a fingerprint of its ONNX files, so re-imported
// weights under the same id start afresh) under <home>/cache/text-embeddings/. Records:
//   "SBTE" | u32 text bytes | u32 dimension | text (UTF-8) | f32 x dimension | u32 CRC-32
// little-endian; each batch is one append. It is only a cache: a torn or corrupt tail (a
// crash, two processes appending at once) ends the read there, the file is rewritten with
// the good records, and anything lost is embedded again.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { writeFileAtomicSync } from '../../base/atomic-write';
import type { TextEmbedder } from '../tags/label-embeddings';

const MAGIC = Buffer.from('SBTE');
const HEADER = 12;
const MAX_TEXT_BYTES = 1 << 16;
const MAX_DIMENSION = 1 << 14;

/** Fingerprint of a model folder's weights: paths, sizes and times of its ONNX files. */
export function modelFingerprint(modelDir: string): string {
  const hash = createHash('sha256');
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.onnx(_data)?$|\.onnx\.data$/.test(entry.name)) {
        const st = fs.statSync(full);
        hash.update(`${path.relative(modelDir, full)}\0${st.size}\0${Math.floor(st.mtimeMs)}\0`);
      }
    }
  };
  visit(modelDir);
  return hash.digest('hex').slice(0, 16);
}

export class CachedTextEmbedder implements TextEmbedder {
  private cache: Map<string, Float32Array> | null = null;

  constructor(
    private readonly file: string,
    private readonly model: TextEmbedder,
  ) {}

  async embedTexts(texts: readonly string[]): Promise<{ embedding: Float32Array }[]> {
    const cache = this.load();
    const missing = [...new Set(texts.filter((t) => !cache.has(t)))];
    if (missing.length > 0) {
      const embedded = await this.model.embedTexts(missing);
      missing.forEach((text, i) => cache.set(text, embedded[i]!.embedding));
      this.append(missing.map((text, i) => encodeRecord(text, embedded[i]!.embedding)));
    }
    return texts.map((text) => ({ embedding: cache.get(text)! }));
  }

  private load(): Map<string, Float32Array> {
    if (this.cache) return this.cache;
    this.cache = new Map();
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(this.file);
    } catch {
      return this.cache; // none yet, or unreadable: a cache miss either way
    }
    const good = decodeRecords(bytes, this.cache);
    if (good < bytes.length) this.rewrite();
    return this.cache;
  }

  private append(records: Buffer[]): void {
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.appendFileSync(this.file, Buffer.concat(records));
    } catch {
      // A read-only or full disk costs the next run some time, nothing else.
    }
  }

  /** Replaces a file with a bad tail by the records read before it (atomically: a cache, so not flushed). */
  private rewrite(): void {
    const records = [...this.cache!].map(([text, v]) => encodeRecord(text, v));
    try {
      writeFileAtomicSync(this.file, Buffer.concat(records), { durable: false });
    } catch {
      // A read-only or full disk: the bad tail is skipped again next time.
    }
  }
}

export function encodeRecord(text: string, vector: Float32Array): Buffer {
  const textBytes = Buffer.from(text, 'utf8');
  const body = Buffer.alloc(HEADER + textBytes.length + vector.length * 4);
  MAGIC.copy(body, 0);
  body.writeUInt32LE(textBytes.length, 4);
  body.writeUInt32LE(vector.length, 8);
  textBytes.copy(body, HEADER);
  Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).copy(body, HEADER + textBytes.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32LE(zlib.crc32(body));
  return Buffer.concat([body, crc]);
}

/** Reads records into `into` up to the first bad one; returns the bytes read. */
export function decodeRecords(bytes: Buffer, into: Map<string, Float32Array>): number {
  let at = 0;
  while (at + HEADER <= bytes.length) {
    if (!bytes.subarray(at, at + 4).equals(MAGIC)) break;
    const textLength = bytes.readUInt32LE(at + 4);
    const dimension = bytes.readUInt32LE(at + 8);
    if (textLength > MAX_TEXT_BYTES || dimension === 0 || dimension > MAX_DIMENSION) break;
    const end = at + HEADER + textLength + dimension * 4;
    if (end + 4 > bytes.length) break;
    if (zlib.crc32(bytes.subarray(at, end)) !== bytes.readUInt32LE(end)) break;
    const text = bytes.toString('utf8', at + HEADER, at + HEADER + textLength);
    // A copy: aligned for Float32Array, and independent of the file's buffer.
    const vector = new Float32Array(dimension);
    Buffer.from(vector.buffer).set(bytes.subarray(at + HEADER + textLength, end));
    into.set(text, vector);
    at = end + 4;
  }
  return at;
}
