// The same model and photos through @huggingface/transformers (AutoProcessor +
// CLIPVisionModelWithProjection): one photo at a time as its documentation shows, and
// batched by 8 as a careful user of it would.
import path from 'node:path';
import { AutoProcessor, CLIPVisionModelWithProjection, RawImage, env } from '@huggingface/transformers';
import { measure } from './stats';

export interface TransformersJsRates {
  perPhoto: number;
  batch8: number;
}

export async function transformersJsRates(modelDir: string, photos: string[]): Promise<TransformersJsRates> {
  env.allowRemoteModels = false;
  env.localModelPath = path.dirname(modelDir);
  const id = path.basename(modelDir);
  const processor = await AutoProcessor.from_pretrained(id);
  const model = await CLIPVisionModelWithProjection.from_pretrained(id, { dtype: 'fp32', device: 'cpu' });
  const run = (batch: number) => async (files: string[]) => {
    for (let i = 0; i < files.length; i += batch) {
      const images = await Promise.all(files.slice(i, i + batch).map((f) => RawImage.read(f)));
      const inputs = await processor(images);
      const out = await model(inputs);
      if (!out.image_embeds) throw new Error('transformers.js returned no image_embeds');
    }
  };
  await run(2)(photos.slice(0, 2)); // warm-up
  const perPhoto = await measure(() => run(1)(photos));
  const batch8 = await measure(() => run(8)(photos));
  await model.dispose();
  return { perPhoto: photos.length / perPhoto.wall, batch8: photos.length / batch8.wall };
}
