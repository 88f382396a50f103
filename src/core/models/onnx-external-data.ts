// Which external-data files an .onnx graph needs. Graphs over 2 GB keep their weights outside
// the protobuf (ONNX "external data"): Immich's multilingual text towers hold a small
// model.onnx plus one weight file per tensor, or one big file with a generated name, and the
// repositories also carry stale weight files no graph references. Reading the graph is the
// only way to fetch exactly what ONNX Runtime will open.
//
// A minimal protobuf walk over onnx.proto (onnx-proto-walker.ts): it jumps over weight bytes,
// so a 1 GB graph with inline weights costs a few hundred small reads, not 1 GB of memory.
import fs from 'node:fs';
import path from 'node:path';
import { ModelError } from './model-error';
import { isSafeRepoPath } from './repo-path';
import { ProtoWalker, WindowedFile, WIRE_LEN, WIRE_VARINT } from './onnx-proto-walker';

// Field numbers from onnx.proto.
const MODEL_GRAPH = 7;
const MODEL_TRAINING_INFO = 20;
const MODEL_FUNCTIONS = 25;
const TRAINING_INITIALIZATION = 1;
const TRAINING_ALGORITHM = 2;
const GRAPH_NODE = 1;
const GRAPH_INITIALIZER = 5;
const GRAPH_SPARSE_INITIALIZER = 15;
const FUNCTION_NODE = 7;
const NODE_ATTRIBUTE = 5;
const ATTR_TENSOR = 5;
const ATTR_GRAPH = 6;
const ATTR_TENSORS = 10;
const ATTR_GRAPHS = 11;
const ATTR_SPARSE_TENSOR = 22;
const ATTR_SPARSE_TENSORS = 23;
const SPARSE_VALUES = 1;
const SPARSE_INDICES = 2;
const TENSOR_EXTERNAL_DATA = 13;
const TENSOR_DATA_LOCATION = 14;
const ENTRY_KEY = 1;
const ENTRY_VALUE = 2;
const DATA_LOCATION_EXTERNAL = 1;

/**
 * The external-data locations an .onnx file references, as written in the graph (relative to
 * the .onnx file's folder, "/"-separated), deduplicated, in first-use order.
 */
export function externalDataLocations(onnxPath: string): string[] {
  const fd = fs.openSync(onnxPath, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const walker = new ProtoWalker(new WindowedFile(fd, size));
    const found = new Set<string>();
    try {
      visitModel(walker, 0, size, found);
    } catch (err) {
      if (err instanceof RangeError) throw new ModelError('invalid-model', `${onnxPath} is not a valid ONNX model (${err.message})`);
      throw err;
    }
    return [...found].map((location) => checkLocation(location, onnxPath));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Locations must stay inside the model folder (repo-path.ts). Exporters on Windows write "\"
 * and "./", as ONNX Runtime reads them; those are normalized first, then checked like any
 * other path a hub hands us.
 */
function checkLocation(location: string, onnxPath: string): string {
  const posix = location.replace(/\\/g, '/');
  const normal = posix.startsWith('/') ? posix : path.posix.normalize(posix);
  if (!isSafeRepoPath(normal)) {
    throw new ModelError('invalid-model', `${onnxPath} references external data outside its folder: ${JSON.stringify(location)}`);
  }
  return normal;
}

function visitModel(w: ProtoWalker, start: number, end: number, found: Set<string>): void {
  for (const f of w.fields(start, end)) {
    if (f.wire !== WIRE_LEN) continue;
    if (f.number === MODEL_GRAPH) visitGraph(w, f.start, f.end, found);
    else if (f.number === MODEL_FUNCTIONS) visitRepeatedNodes(w, f.start, f.end, FUNCTION_NODE, found);
    else if (f.number === MODEL_TRAINING_INFO) {
      for (const g of w.fields(f.start, f.end)) {
        if (g.wire === WIRE_LEN && (g.number === TRAINING_INITIALIZATION || g.number === TRAINING_ALGORITHM)) visitGraph(w, g.start, g.end, found);
      }
    }
  }
}

function visitGraph(w: ProtoWalker, start: number, end: number, found: Set<string>): void {
  for (const f of w.fields(start, end)) {
    if (f.wire !== WIRE_LEN) continue;
    if (f.number === GRAPH_NODE) visitNode(w, f.start, f.end, found);
    else if (f.number === GRAPH_INITIALIZER) visitTensor(w, f.start, f.end, found);
    else if (f.number === GRAPH_SPARSE_INITIALIZER) visitSparse(w, f.start, f.end, found);
  }
}

function visitRepeatedNodes(w: ProtoWalker, start: number, end: number, nodeField: number, found: Set<string>): void {
  for (const f of w.fields(start, end)) {
    if (f.wire === WIRE_LEN && f.number === nodeField) visitNode(w, f.start, f.end, found);
  }
}

function visitNode(w: ProtoWalker, start: number, end: number, found: Set<string>): void {
  for (const f of w.fields(start, end)) {
    if (f.wire === WIRE_LEN && f.number === NODE_ATTRIBUTE) visitAttribute(w, f.start, f.end, found);
  }
}

function visitAttribute(w: ProtoWalker, start: number, end: number, found: Set<string>): void {
  for (const f of w.fields(start, end)) {
    if (f.wire !== WIRE_LEN) continue;
    if (f.number === ATTR_TENSOR || f.number === ATTR_TENSORS) visitTensor(w, f.start, f.end, found);
    else if (f.number === ATTR_GRAPH || f.number === ATTR_GRAPHS) visitGraph(w, f.start, f.end, found);
    else if (f.number === ATTR_SPARSE_TENSOR || f.number === ATTR_SPARSE_TENSORS) visitSparse(w, f.start, f.end, found);
  }
}

function visitSparse(w: ProtoWalker, start: number, end: number, found: Set<string>): void {
  for (const f of w.fields(start, end)) {
    if (f.wire === WIRE_LEN && (f.number === SPARSE_VALUES || f.number === SPARSE_INDICES)) visitTensor(w, f.start, f.end, found);
  }
}

function visitTensor(w: ProtoWalker, start: number, end: number, found: Set<string>): void {
  let external = false;
  let location: string | undefined;
  for (const f of w.fields(start, end)) {
    if (f.number === TENSOR_DATA_LOCATION && f.wire === WIRE_VARINT) external = f.value === DATA_LOCATION_EXTERNAL;
    else if (f.number === TENSOR_EXTERNAL_DATA && f.wire === WIRE_LEN) {
      let key: string | undefined;
      let value: string | undefined;
      for (const e of w.fields(f.start, f.end)) {
        if (e.wire !== WIRE_LEN) continue;
        if (e.number === ENTRY_KEY) key = w.string(e);
        else if (e.number === ENTRY_VALUE) value = w.string(e);
      }
      if (key === 'location' && value !== undefined) location = value;
    }
  }
  // ONNX Runtime reads external_data only when data_location says EXTERNAL.
  if (external && location !== undefined) found.add(location);
}
