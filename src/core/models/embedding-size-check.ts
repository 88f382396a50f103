// Whether a model folder's two graphs make one CLIP model, told from the shapes they declare
// (onnx-io-shapes.ts), before any photo is embedded. readModelFolder checks the files and
// configs; it cannot see that visual/model.onnx came from another model than textual/, or is
// a text graph itself. Such a folder imported fine, then every photo was embedded at the image
// graph's size while searches asked at the text graph's: nothing was ever found, and `index`
// had nothing left to embed, a loop with no way out. Checked where a folder becomes a model
// (import, install) and wherever an installed one is read (installed-folder.ts), so one
// already installed is refused by its first search or index in the same line.
//
// The graphs' embedding outputs are picked as the engine picks them (clip/encoders.ts: the one
// named like an embedding, else the only output). A size declared by a name ("embed_dim")
// rather than a number cannot be compared here and passes: the engine's own check remains.
import path from 'node:path';
import { readModelFolder, type ModelFolder } from '../clip/model-folder';
import { declaredEmbeddingDimension } from './declared-dimension';
import { graphIo, type GraphValue } from './onnx-io-shapes';

/** One line naming the folder, the graph(s) and the sizes at fault; undefined when consistent. */
export function embeddingSizeProblem(folder: ModelFolder): string | undefined {
  const rel = (p: string) => path.relative(folder.dir, p).split(path.sep).join('/');
  const vision = { file: rel(folder.visionModelPath), ...graphIo(folder.visionModelPath) };
  const text = { file: rel(folder.textModelPath), ...graphIo(folder.textModelPath) };
  const at = `${folder.dir}: `;

  // The vision graph takes one image [batch, 3, H, W]; the text graph token ids [batch, tokens].
  // An input without a declared shape or type cannot be told apart: it passes.
  const image = (v: GraphValue) => (v.shape === undefined || v.shape.length === 4) && (v.type === undefined || v.type.startsWith('float'));
  const tokens = (v: GraphValue) => (v.shape === undefined || v.shape.length === 2) && (v.type === undefined || v.type.startsWith('int'));
  if (!vision.inputs.some(image)) {
    const what = vision.inputs.some(tokens) ? ': a text graph, not an image one' : '';
    return `${at}${vision.file} takes ${describe(vision.inputs)}, not an image [batch, 3, H, W]${what}`;
  }
  if (!text.inputs.some(tokens)) {
    const what = text.inputs.some(image) ? ': an image graph, not a text one' : '';
    return `${at}${text.file} takes ${describe(text.inputs)}, not token ids [batch, tokens]${what}`;
  }

  const imageSize = embeddingSize(vision.outputs);
  const textSize = embeddingSize(text.outputs);
  if (imageSize !== undefined && textSize !== undefined && imageSize !== textSize) {
    return `${at}${vision.file} gives ${imageSize}-d embeddings, ${text.file} ${textSize}-d: not one CLIP model`;
  }
  // config.json's size names the photos table's vectors (store/model-tables.ts): one that
  // disagrees with the graphs would file every photo as another model's.
  const declared = declaredEmbeddingDimension(folder.dir);
  const given = imageSize ?? textSize;
  if (declared !== undefined && given !== undefined && declared !== given) {
    return `${at}config.json declares ${declared}-d embeddings, but ${imageSize !== undefined ? vision.file : text.file} gives ${given}-d`;
  }
  return undefined;
}

/**
 * The same for a folder given by path (--model-dir), which no import checked. A folder that
 * does not read as a model, or a graph that is not valid ONNX, is left to the engine's own
 * error when it loads it: undefined.
 */
export function folderEmbeddingSizeProblem(dir: string): string | undefined {
  try {
    return embeddingSizeProblem(readModelFolder(dir));
  } catch {
    return undefined;
  }
}

/** The last dimension of the embedding output, when the graph declares it as a number. */
function embeddingSize(outputs: readonly GraphValue[]): number | undefined {
  const chosen = outputs.find((o) => /embed/i.test(o.name)) ?? (outputs.length === 1 ? outputs[0] : undefined);
  const last = chosen?.shape?.at(-1);
  return typeof last === 'number' && last > 0 ? last : undefined;
}

function describe(values: readonly GraphValue[]): string {
  if (values.length === 0) return 'no input';
  return values.map((v) => `${v.name} ${v.type ?? '?'}[${(v.shape ?? []).join(', ')}]`).join(', ');
}
