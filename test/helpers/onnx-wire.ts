// Protobuf wire helpers for tests that need ONNX graphs with external data: encode small
// messages by hand, and move a real graph's initializer weights into an external-data file
// (what exporters do for graphs over 2 GB), so ONNX Runtime still loads the result.

export function varint(value: number): Buffer {
  const bytes: number[] = [];
  let v = value;
  while (v >= 0x80) {
    bytes.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  bytes.push(v);
  return Buffer.from(bytes);
}

/** A length-delimited field (strings, bytes, sub-messages). */
export function lenField(field: number, payload: Buffer | string): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
  return Buffer.concat([varint(field * 8 + 2), varint(body.length), body]);
}

export function varintField(field: number, value: number): Buffer {
  return Buffer.concat([varint(field * 8), varint(value)]);
}

export function message(...fields: Buffer[]): Buffer {
  return Buffer.concat(fields);
}

/** TensorProto.external_data entries (field 13) plus data_location = EXTERNAL (field 14). */
export function externalTensor(name: string, location: string, offset = 0, length?: number): Buffer {
  const entries = [lenField(13, message(lenField(1, 'location'), lenField(2, location))), lenField(13, message(lenField(1, 'offset'), lenField(2, String(offset))))];
  if (length !== undefined) entries.push(lenField(13, message(lenField(1, 'length'), lenField(2, String(length)))));
  return message(varintField(1, 4), varintField(2, 1), lenField(8, name), ...entries, varintField(14, 1));
}

interface RawField {
  number: number;
  wire: number;
  /** The whole field: tag and payload. */
  raw: Buffer;
  /** Payload of a length-delimited field. */
  payload?: Buffer;
}

function readVarint(buf: Buffer, pos: number): [number, number] {
  let result = 0;
  let scale = 1;
  for (;;) {
    const b = buf[pos++]!;
    result += (b & 0x7f) * scale;
    if ((b & 0x80) === 0) return [result, pos];
    scale *= 128;
  }
}

export function fields(buf: Buffer): RawField[] {
  const out: RawField[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const start = pos;
    const [tag, afterTag] = readVarint(buf, pos);
    const wire = tag & 7;
    pos = afterTag;
    let payload: Buffer | undefined;
    if (wire === 0) pos = readVarint(buf, pos)[1];
    else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else if (wire === 2) {
      const [len, next] = readVarint(buf, pos);
      payload = buf.subarray(next, next + len);
      pos = next + len;
    } else throw new Error(`wire type ${wire}`);
    out.push({ number: Math.floor(tag / 8), wire, raw: buf.subarray(start, pos), payload });
  }
  return out;
}

/**
 * Rewrites a ModelProto so the float initializers' raw_data of at least `minBytes` live in
 * `location` (beside the graph), as ONNX's own converter does (small and integer tensors stay
 * inline: shape inference needs them); `padTo` grows the data file with zeros (offsets stay
 * valid) to make it large.
 */
export function externalizeInitializers(model: Buffer, location: string, padTo = 0, minBytes = 256): { model: Buffer; data: Buffer } {
  const chunks: Buffer[] = [];
  let offset = 0;
  const rewriteTensor = (tensor: Buffer): Buffer => {
    const kept: Buffer[] = [];
    let raw: Buffer | undefined;
    let float = false;
    for (const f of fields(tensor)) {
      if (f.number === 9 && f.payload) raw = f.payload;
      else kept.push(f.raw);
      if (f.number === 2 && f.wire === 0 && f.raw[1] === 1) float = true;
    }
    if (!raw || !float || raw.length < minBytes) return tensor;
    chunks.push(raw);
    const entries = [
      lenField(13, message(lenField(1, 'location'), lenField(2, location))),
      lenField(13, message(lenField(1, 'offset'), lenField(2, String(offset)))),
      lenField(13, message(lenField(1, 'length'), lenField(2, String(raw.length)))),
    ];
    offset += raw.length;
    return message(...kept, ...entries, varintField(14, 1));
  };
  const rewriteGraph = (graph: Buffer): Buffer =>
    message(...fields(graph).map((f) => (f.number === 5 && f.payload ? lenField(5, rewriteTensor(f.payload)) : f.raw)));
  const out = message(...fields(model).map((f) => (f.number === 7 && f.payload ? lenField(7, rewriteGraph(f.payload)) : f.raw)));
  if (chunks.length === 0) throw new Error('no initializer was large enough to move out');
  let data = Buffer.concat(chunks);
  if (data.length < padTo) data = Buffer.concat([data, Buffer.alloc(padTo - data.length)]);
  return { model: out, data };
}
