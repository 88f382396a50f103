// A minimal protobuf walk over an .onnx file (onnx.proto:
// https://github.com/onnx/onnx/blob/main/onnx/onnx.proto): it reads tags and lengths through a
// small window of the file and jumps over weight bytes, so a 1 GB graph with inline weights
// costs a few hundred small reads, not 1 GB of memory. Shared by the external-data reader
// (onnx-external-data.ts) and the input/output shape reader (onnx-io-shapes.ts).
import fs from 'node:fs';

export const WIRE_VARINT = 0;
export const WIRE_64BIT = 1;
export const WIRE_LEN = 2;
export const WIRE_32BIT = 5;

/** Reads a file through a sliding window, so jumps over large fields cost nothing. */
export class WindowedFile {
  private readonly window = Buffer.alloc(64 * 1024);
  private start = 0;
  private length = 0;

  constructor(
    private readonly fd: number,
    readonly size: number,
  ) {}

  byte(pos: number): number {
    if (pos < this.start || pos >= this.start + this.length) {
      this.start = pos;
      this.length = fs.readSync(this.fd, this.window, 0, this.window.length, pos);
      if (this.length === 0) throw new RangeError('read past end');
    }
    return this.window[pos - this.start]!;
  }

  bytes(pos: number, len: number): Buffer {
    const out = Buffer.alloc(len);
    const read = fs.readSync(this.fd, out, 0, len, pos);
    if (read !== len) throw new RangeError('read past end');
    return out;
  }
}

export interface Field {
  number: number;
  wire: number;
  /** Varint value (wire 0). */
  value: number;
  /** Payload bounds (wire 2). */
  start: number;
  end: number;
}

export class ProtoWalker {
  constructor(private readonly file: WindowedFile) {}

  private varint(pos: number): [number, number] {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const b = this.file.byte(pos++);
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return [result, pos];
      scale *= 128;
    }
    throw new RangeError('varint too long');
  }

  *fields(start: number, end: number): Generator<Field> {
    let pos = start;
    while (pos < end) {
      const [tag, afterTag] = this.varint(pos);
      const number = Math.floor(tag / 8);
      const wire = tag & 7;
      pos = afterTag;
      if (wire === WIRE_VARINT) {
        const [value, next] = this.varint(pos);
        yield { number, wire, value, start: pos, end: next };
        pos = next;
      } else if (wire === WIRE_LEN) {
        const [len, next] = this.varint(pos);
        const fieldEnd = next + len;
        if (fieldEnd > end) throw new RangeError('field overruns its message');
        yield { number, wire, value: len, start: next, end: fieldEnd };
        pos = fieldEnd;
      } else if (wire === WIRE_64BIT) {
        pos += 8;
      } else if (wire === WIRE_32BIT) {
        pos += 4;
      } else {
        throw new RangeError(`unsupported wire type ${wire}`);
      }
    }
    if (pos !== end) throw new RangeError('message overruns its bounds');
  }

  string(field: Field): string {
    return this.file.bytes(field.start, field.end - field.start).toString('utf8');
  }
}
