// An image from outside the library (dropped on the window) as a query vector: decoded from
// its bytes in memory, preprocessed like any photo, embedded by the library's model. It is
// never written to disk or added to the library.
import type { ClipModel } from '../clip/clip-model';
import { preprocessImage } from '../clip/preprocess';
import { sniffFormat, toSharpInput } from '../media';

export async function embedImageBytes(model: ClipModel, bytes: Buffer, name: string): Promise<Float32Array> {
  const format = sniffFormat(bytes);
  if (!format) throw new Error(`${name}: not an image (unrecognised content)`);
  const input = await toSharpInput(bytes, format);
  let vector: Float32Array | undefined;
  let error: string | undefined;
  await model.embedImageFiles(
    [name],
    (result) => {
      vector = result.embedding;
      error = result.error;
    },
    { decode: () => preprocessImage(input, model.folder.preprocessing) },
  );
  if (!vector) throw new Error(`${name}: ${error ?? 'could not be embedded'}`);
  return vector;
}
