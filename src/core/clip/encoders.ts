// Adapters from CLIP's two ONNX models to plain arrays. Input/output names and dtypes are
// read from the session (DESIGN.md): Immich exports `image`/`text` (int32) →
// `image_embedding`/`text_embedding`; Transformers.js exports `pixel_values`/`input_ids`
// (int64, with `attention_mask`) → `image_embeds`/`text_embeds` plus hidden states.
import ort from 'onnxruntime-node';
import { ModelFolderError } from './model-folder';

type TensorMeta = { name: string; isTensor: true; type: ort.Tensor.Type; shape: ReadonlyArray<number | string> };

function tensorMeta(list: readonly ort.InferenceSession.ValueMetadata[]): TensorMeta[] {
  return list.filter((m): m is TensorMeta => m.isTensor);
}

/** The embedding output: the one named like an embedding, else the only output. */
function embeddingOutput(session: ort.InferenceSession, modelPath: string): string {
  const outputs = tensorMeta(session.outputMetadata);
  const named = outputs.find((o) => /embed/i.test(o.name));
  const chosen = named ?? (outputs.length === 1 ? outputs[0] : undefined);
  if (!chosen) throw new ModelFolderError(`${modelPath}: no embedding output among ${outputs.map((o) => o.name).join(', ')}`);
  return chosen.name;
}

function flatten(value: ort.Tensor, count: number, modelPath: string): { data: Float32Array; dim: number } {
  if (value.type !== 'float32') throw new ModelFolderError(`${modelPath}: embedding output is ${value.type}, expected float32`);
  const dim = Number(value.dims[value.dims.length - 1]);
  const data = value.data as Float32Array;
  if (value.dims.length !== 2 || data.length !== count * dim) {
    throw new ModelFolderError(`${modelPath}: embedding output has shape [${value.dims.join(', ')}], expected [${count}, D]`);
  }
  return { data: new Float32Array(data), dim };
}

export class VisionEncoder {
  private readonly input: string;
  private readonly output: string;

  constructor(private readonly session: ort.InferenceSession, private readonly modelPath: string) {
    const inputs = tensorMeta(session.inputMetadata);
    const pixels = inputs.find((i) => i.type === 'float32' && i.shape.length === 4);
    if (!pixels || inputs.length !== 1) {
      throw new ModelFolderError(`${modelPath}: expected one float32 image input [batch, 3, H, W], found ${describe(inputs)}`);
    }
    this.input = pixels.name;
    this.output = embeddingOutput(session, modelPath);
  }

  /** `pixels` holds `count` CHW images of side `size`; returns raw (unnormalised) embeddings. */
  async run(pixels: Float32Array, count: number, size: number): Promise<{ data: Float32Array; dim: number }> {
    const tensor = new ort.Tensor('float32', pixels, [count, 3, size, size]);
    const result = await this.session.run({ [this.input]: tensor }, [this.output]);
    return flatten(result[this.output] as ort.Tensor, count, this.modelPath);
  }
}

export class TextEncoder {
  private readonly ids: TensorMeta;
  private readonly mask: TensorMeta | undefined;
  private readonly output: string;

  constructor(private readonly session: ort.InferenceSession, private readonly modelPath: string) {
    const inputs = tensorMeta(session.inputMetadata);
    const isInt = (m: TensorMeta) => m.type === 'int32' || m.type === 'int64';
    const mask = inputs.find((i) => /mask/i.test(i.name) && isInt(i));
    const ids = inputs.find((i) => i !== mask && isInt(i));
    const unknown = inputs.filter((i) => i !== ids && i !== mask);
    if (!ids || unknown.length) throw new ModelFolderError(`${modelPath}: expected token ids (int32 or int64) [and attention_mask], found ${describe(inputs)}`);
    this.ids = ids;
    this.mask = mask;
    this.output = embeddingOutput(session, modelPath);
  }

  async run(rows: number[][], mask: number[][]): Promise<{ data: Float32Array; dim: number }> {
    const count = rows.length;
    const length = rows[0]?.length ?? 0;
    const feeds: Record<string, ort.Tensor> = { [this.ids.name]: intTensor(this.ids.type, rows, count, length) };
    if (this.mask) feeds[this.mask.name] = intTensor(this.mask.type, mask, count, length);
    const result = await this.session.run(feeds, [this.output]);
    return flatten(result[this.output] as ort.Tensor, count, this.modelPath);
  }
}

function intTensor(type: ort.Tensor.Type, rows: number[][], count: number, length: number): ort.Tensor {
  const flat = rows.flat();
  if (type === 'int64') return new ort.Tensor('int64', BigInt64Array.from(flat, (v) => BigInt(v)), [count, length]);
  return new ort.Tensor('int32', Int32Array.from(flat), [count, length]);
}

function describe(inputs: TensorMeta[]): string {
  return inputs.map((i) => `${i.name}:${i.type}[${i.shape.join(',')}]`).join(', ') || 'none';
}
