// The inputs and outputs an .onnx graph declares (names, element types, shapes), read from the
// file without loading ONNX Runtime (onnx-proto-walker.ts jumps over the weights): what a model
// folder's check (embedding-size-check.ts) needs to tell, before any photo is embedded, that
// its two graphs are not one CLIP model. Remembered per file (path, size, mtime), since
// `status` and `models list` check the installed folders on every call.
import fs from 'node:fs';
import { ModelError } from './model-error';
import { ProtoWalker, WindowedFile, WIRE_LEN, WIRE_VARINT } from './onnx-proto-walker';

// Field numbers from onnx.proto.
const MODEL_GRAPH = 7;
const GRAPH_INITIALIZER = 5;
const GRAPH_INPUT = 11;
const GRAPH_OUTPUT = 12;
const TENSOR_NAME = 8;
const VALUE_INFO_NAME = 1;
const VALUE_INFO_TYPE = 2;
const TYPE_TENSOR = 1;
const TENSOR_TYPE_ELEM = 1;
const TENSOR_TYPE_SHAPE = 2;
const SHAPE_DIM = 1;
const DIM_VALUE = 1;
const DIM_PARAM = 2;

/** onnx.proto TensorProto.DataType, the ones a CLIP graph takes or gives. */
const ELEM_NAMES: Record<number, string> = { 1: 'float32', 6: 'int32', 7: 'int64', 10: 'float16', 11: 'float64' };

export interface GraphValue {
  name: string;
  /** 'float32', 'int64', ...; undefined when not a tensor, or of a type named by its number. */
  type: string | undefined;
  /** Each dimension: its size, or its symbolic name ("batch_size"); undefined when no shape is declared. */
  shape: (number | string)[] | undefined;
}

export interface GraphIo {
  inputs: GraphValue[];
  outputs: GraphValue[];
}

const remembered = new Map<string, { key: string; io: GraphIo }>();

/** The graph's declared inputs (weights listed as inputs by old exporters left out) and outputs. */
export function graphIo(onnxPath: string): GraphIo {
  const stat = fs.statSync(onnxPath);
  const key = `${stat.size}:${stat.mtimeMs}`;
  const known = remembered.get(onnxPath);
  if (known?.key === key) return known.io;
  const io = readGraphIo(onnxPath, stat.size);
  remembered.set(onnxPath, { key, io });
  return io;
}

function readGraphIo(onnxPath: string, size: number): GraphIo {
  const fd = fs.openSync(onnxPath, 'r');
  try {
    const w = new ProtoWalker(new WindowedFile(fd, size));
    const inputs: GraphValue[] = [];
    const outputs: GraphValue[] = [];
    const weights = new Set<string>();
    try {
      for (const m of w.fields(0, size)) {
        if (m.number !== MODEL_GRAPH || m.wire !== WIRE_LEN) continue;
        for (const g of w.fields(m.start, m.end)) {
          if (g.wire !== WIRE_LEN) continue;
          if (g.number === GRAPH_INPUT) inputs.push(valueInfo(w, g.start, g.end));
          else if (g.number === GRAPH_OUTPUT) outputs.push(valueInfo(w, g.start, g.end));
          else if (g.number === GRAPH_INITIALIZER) {
            for (const t of w.fields(g.start, g.end)) if (t.number === TENSOR_NAME && t.wire === WIRE_LEN) weights.add(w.string(t));
          }
        }
      }
    } catch (err) {
      if (err instanceof RangeError) throw new ModelError('invalid-model', `${onnxPath} is not a valid ONNX model (${err.message})`);
      throw err;
    }
    return { inputs: inputs.filter((i) => !weights.has(i.name)), outputs };
  } finally {
    fs.closeSync(fd);
  }
}

function valueInfo(w: ProtoWalker, start: number, end: number): GraphValue {
  const value: GraphValue = { name: '', type: undefined, shape: undefined };
  for (const f of w.fields(start, end)) {
    if (f.wire !== WIRE_LEN) continue;
    if (f.number === VALUE_INFO_NAME) value.name = w.string(f);
    else if (f.number === VALUE_INFO_TYPE) {
      for (const t of w.fields(f.start, f.end)) {
        if (t.number !== TYPE_TENSOR || t.wire !== WIRE_LEN) continue;
        for (const tt of w.fields(t.start, t.end)) {
          if (tt.number === TENSOR_TYPE_ELEM && tt.wire === WIRE_VARINT) value.type = ELEM_NAMES[tt.value] ?? `type ${tt.value}`;
          else if (tt.number === TENSOR_TYPE_SHAPE && tt.wire === WIRE_LEN) value.shape = shapeOf(w, tt.start, tt.end);
        }
      }
    }
  }
  return value;
}

function shapeOf(w: ProtoWalker, start: number, end: number): (number | string)[] {
  const dims: (number | string)[] = [];
  for (const d of w.fields(start, end)) {
    if (d.number !== SHAPE_DIM || d.wire !== WIRE_LEN) continue;
    let dim: number | string = '?';
    for (const v of w.fields(d.start, d.end)) {
      if (v.number === DIM_VALUE && v.wire === WIRE_VARINT) dim = v.value;
      else if (v.number === DIM_PARAM && v.wire === WIRE_LEN) dim = w.string(v);
    }
    dims.push(dim);
  }
  return dims;
}
