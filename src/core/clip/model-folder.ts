// Reads a CLIP model folder as it is published (DESIGN.md "Model folders"): Immich's layout
// or Transformers.js's. Everything the engine needs to know about the model comes from the
// folder's own configs; input/output names and dtypes come later, from the ONNX sessions.
import fs from 'node:fs';
import path from 'node:path';
import { isDirectory } from '../../base/file-kind';
import { jsonSyntaxText } from '../../shared/json-syntax-text';

export type ModelLayout = 'immich' | 'transformers';

export interface ImagePreprocessing {
  /** Square input side the vision model expects. */
  size: number;
  mean: [number, number, number];
  std: [number, number, number];
  /** How the photo is fitted to `size`: CLIP's reference is "shortest side, then centre crop". */
  resizeMode: 'shortest' | 'squash';
  /**
   * How the centre crop's offset is rounded when the margin is odd: open_clip (Immich) uses
   * torchvision's round-half-to-even, Hugging Face's CLIPImageProcessor floors.
   */
  cropRounding: 'half-even' | 'floor';
}

export interface ModelFolder {
  dir: string;
  layout: ModelLayout;
  visionModelPath: string;
  textModelPath: string;
  tokenizerJsonPath: string;
  /** tokenizer_config.json contents (pad token, model_max_length, ...). */
  tokenizerConfig: Record<string, unknown>;
  contextLength: number;
  preprocessing: ImagePreprocessing;
}

/** One clear line naming the file that is missing or odd. */
export class ModelFolderError extends Error {
  override name = 'ModelFolderError';
}

const IMMICH_FILES = ['config.json', 'visual/model.onnx', 'visual/preprocess_cfg.json', 'textual/model.onnx', 'textual/tokenizer.json', 'textual/tokenizer_config.json'];

export function readModelFolder(dir: string): ModelFolder {
  const root = path.resolve(dir);
  if (!isDirectory(root)) throw new ModelFolderError(`model folder not found: ${root}`);
  if (fs.existsSync(path.join(root, 'visual')) || fs.existsSync(path.join(root, 'textual'))) return readImmich(root);
  if (fs.existsSync(path.join(root, 'onnx')) || fs.existsSync(path.join(root, 'preprocessor_config.json'))) return readTransformers(root);
  throw new ModelFolderError(
    `${root} is not a CLIP model folder: expected Immich's visual/ and textual/ or Transformers.js's onnx/ and preprocessor_config.json`,
  );
}

function readImmich(root: string): ModelFolder {
  for (const file of IMMICH_FILES) requireFile(root, file);
  const config = readJson(root, 'config.json');
  const pre = readJson(root, 'visual/preprocess_cfg.json');
  const tokenizerConfig = readJson(root, 'textual/tokenizer_config.json');
  const textCfg = asRecord(config.text_cfg);
  const visionCfg = asRecord(config.vision_cfg);

  const size = firstNumber(pre.size) ?? firstNumber(visionCfg.image_size);
  if (size === undefined) throw odd(root, 'visual/preprocess_cfg.json', 'has no "size"');
  const interpolation = pre.interpolation ?? 'bicubic';
  if (interpolation !== 'bicubic') throw odd(root, 'visual/preprocess_cfg.json', `uses "${String(interpolation)}" interpolation; only bicubic is supported`);
  const resizeMode = pre.resize_mode ?? 'shortest';
  if (resizeMode !== 'shortest' && resizeMode !== 'squash') {
    throw odd(root, 'visual/preprocess_cfg.json', `resize_mode "${String(resizeMode)}" is not supported (shortest or squash)`);
  }
  const contextLength = positiveInt(textCfg.context_length) ?? positiveInt(tokenizerConfig.model_max_length);
  if (contextLength === undefined) throw odd(root, 'config.json', 'has no text_cfg.context_length');

  return {
    dir: root,
    layout: 'immich',
    visionModelPath: path.join(root, 'visual/model.onnx'),
    textModelPath: path.join(root, 'textual/model.onnx'),
    tokenizerJsonPath: path.join(root, 'textual/tokenizer.json'),
    tokenizerConfig,
    contextLength,
    preprocessing: {
      size,
      mean: triple(pre.mean, root, 'visual/preprocess_cfg.json', 'mean'),
      std: positive(triple(pre.std, root, 'visual/preprocess_cfg.json', 'std'), root, 'visual/preprocess_cfg.json'),
      resizeMode,
      cropRounding: 'half-even',
    },
  };
}

function readTransformers(root: string): ModelFolder {
  for (const file of ['config.json', 'preprocessor_config.json', 'tokenizer.json', 'tokenizer_config.json']) requireFile(root, file);
  const visionModelPath = pickOnnx(root, 'vision_model');
  const textModelPath = pickOnnx(root, 'text_model');
  const config = readJson(root, 'config.json');
  const pre = readJson(root, 'preprocessor_config.json');
  const tokenizerConfig = readJson(root, 'tokenizer_config.json');
  const textConfig = asRecord(config.text_config);
  const visionConfig = asRecord(config.vision_config);

  // CLIPImageProcessor: resize shortest edge, then centre crop to crop_size.
  const crop = pre.crop_size;
  const size =
    (typeof crop === 'number' ? crop : positiveInt(asRecord(crop).height)) ??
    positiveInt(asRecord(pre.size).shortest_edge) ??
    (typeof pre.size === 'number' ? pre.size : undefined) ??
    positiveInt(visionConfig.image_size);
  if (size === undefined) throw odd(root, 'preprocessor_config.json', 'has no crop_size or size');
  // PIL resample 3 is BICUBIC, what CLIP was trained with.
  if (pre.resample !== undefined && pre.resample !== 3) {
    throw odd(root, 'preprocessor_config.json', `uses resample ${String(pre.resample)}; only 3 (bicubic) is supported`);
  }
  if (pre.do_rescale === false || (pre.rescale_factor !== undefined && Math.abs(Number(pre.rescale_factor) - 1 / 255) > 1e-9)) {
    throw odd(root, 'preprocessor_config.json', 'rescales pixels other than by 1/255');
  }
  const contextLength = positiveInt(textConfig.max_position_embeddings) ?? positiveInt(tokenizerConfig.model_max_length);
  if (contextLength === undefined) throw odd(root, 'config.json', 'has no text_config.max_position_embeddings');
  const normalize = pre.do_normalize !== false;

  return {
    dir: root,
    layout: 'transformers',
    visionModelPath,
    textModelPath,
    tokenizerJsonPath: path.join(root, 'tokenizer.json'),
    tokenizerConfig,
    contextLength,
    preprocessing: {
      size,
      mean: normalize ? triple(pre.image_mean, root, 'preprocessor_config.json', 'image_mean') : [0, 0, 0],
      std: normalize ? positive(triple(pre.image_std, root, 'preprocessor_config.json', 'image_std'), root, 'preprocessor_config.json') : [1, 1, 1],
      resizeMode: pre.do_center_crop === false ? 'squash' : 'shortest',
      cropRounding: 'floor',
    },
  };
}

/** Transformers.js folders may hold several precisions; prefer full precision, as published first. */
function pickOnnx(root: string, stem: string): string {
  const onnxDir = path.join(root, 'onnx');
  if (!isDirectory(onnxDir)) throw new ModelFolderError(`${root}: missing onnx/ folder`);
  const files = fs.readdirSync(onnxDir).filter((f) => f.startsWith(stem) && f.endsWith('.onnx'));
  const preferred = [`${stem}.onnx`, `${stem}_fp16.onnx`, `${stem}_quantized.onnx`];
  const chosen = preferred.find((f) => files.includes(f)) ?? files.sort()[0];
  if (!chosen) throw new ModelFolderError(`${root}: missing onnx/${stem}.onnx`);
  const full = path.join(onnxDir, chosen);
  if (fs.statSync(full).size === 0) throw new ModelFolderError(`${full}: file is empty`);
  return full;
}

function requireFile(root: string, rel: string): void {
  const full = path.join(root, rel);
  if (!fs.existsSync(full)) throw new ModelFolderError(`${root}: missing ${rel}`);
  if (fs.statSync(full).size === 0) throw new ModelFolderError(`${full}: file is empty`);
}

function readJson(root: string, rel: string): Record<string, unknown> {
  const full = path.join(root, rel);
  let text: string;
  try {
    text = fs.readFileSync(full, 'utf8');
  } catch (err) {
    throw new ModelFolderError(`${full}: cannot read (${(err as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ModelFolderError(`${full}: not valid JSON (${jsonSyntaxText(text, err)})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ModelFolderError(`${full}: expected a JSON object`);
  return value as Record<string, unknown>;
}

function odd(root: string, rel: string, what: string): ModelFolderError {
  return new ModelFolderError(`${path.join(root, rel)} ${what}`);
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function positiveInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

function firstNumber(value: unknown): number | undefined {
  if (Array.isArray(value)) {
    const [h, w] = value;
    if (w !== undefined && w !== h) return undefined; // non-square inputs are not CLIP's
    return positiveInt(h);
  }
  return positiveInt(value);
}

function triple(value: unknown, root: string, rel: string, key: string): [number, number, number] {
  if (Array.isArray(value) && value.length === 3 && value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    return value as [number, number, number];
  }
  throw odd(root, rel, `has no valid "${key}" (three numbers expected)`);
}

function positive(std: [number, number, number], root: string, rel: string): [number, number, number] {
  if (std.some((v) => v <= 0)) throw odd(root, rel, 'has a std that is not positive');
  return std;
}
