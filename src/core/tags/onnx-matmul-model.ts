// The smallest ONNX model there is: C = MatMul(A, B) with A [n, d] and B [d, l] float32,
// every dimension symbolic. ONNX Runtime's MatMul (MLAS, multithreaded, SIMD) runs the
// tagging matrix product at 40-100 GFLOP/s on two cores where plain JavaScript manages ~3.
// Hand-encoded protobuf (field numbers from onnx.proto), so the engine needs no protobuf
// library at run time.

function varint(value: number): number[] {
  const out: number[] = [];
  let v = value;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

const VARINT = 0;
const BYTES = 2;

function key(field: number, wire: number): number[] {
  return varint((field << 3) | wire);
}

function bytesField(field: number, payload: number[]): number[] {
  return [...key(field, BYTES), ...varint(payload.length), ...payload];
}

function stringField(field: number, value: string): number[] {
  return bytesField(field, [...Buffer.from(value, 'utf8')]);
}

function intField(field: number, value: number): number[] {
  return [...key(field, VARINT), ...varint(value)];
}

const FLOAT32 = 1;

/** ValueInfoProto { name = 1, type = 2 { tensor_type = 1 { elem_type = 1, shape = 2 { dim = 1 { dim_param = 2 } } } } } */
function floatTensorInfo(name: string, dims: string[]): number[] {
  const shape = dims.flatMap((d) => bytesField(1, stringField(2, d)));
  const tensor = [...intField(1, FLOAT32), ...bytesField(2, shape)];
  return [...stringField(1, name), ...bytesField(2, bytesField(1, tensor))];
}

export function matmulModelBytes(): Uint8Array {
  // NodeProto { input = 1, output = 2, name = 3, op_type = 4 }
  const node = [...stringField(1, 'a'), ...stringField(1, 'b'), ...stringField(2, 'c'), ...stringField(3, 'matmul'), ...stringField(4, 'MatMul')];
  // GraphProto { node = 1, name = 2, input = 11, output = 12 }
  const graph = [
    ...bytesField(1, node),
    ...stringField(2, 'shoebox_matmul'),
    ...bytesField(11, floatTensorInfo('a', ['n', 'd'])),
    ...bytesField(11, floatTensorInfo('b', ['d', 'l'])),
    ...bytesField(12, floatTensorInfo('c', ['n', 'l'])),
  ];
  // ModelProto { ir_version = 1, producer_name = 2, graph = 7, opset_import = 8 { domain = 1, version = 2 } }
  const model = [
    ...intField(1, 8),
    ...stringField(2, 'shoebox'),
    ...bytesField(7, graph),
    ...bytesField(8, [...stringField(1, ''), ...intField(2, 17)]),
  ];
  return Uint8Array.from(model);
}
