// The same model and photos through @huggingface/transformers (AutoProcessor +
// CLIPVisionModelWithProjection), batched by 8 as a careful user of it would.
import path from 'node:path';
import { AutoProcessor, CLIPVisionModelWithProjection, RawImage, env } from '@huggingface/transformers';
import { measure } from './stats';

export async function transformersJsRate(modelDir: string, photos: string[]): Promise<number> {
  env.allowRemoteModels = false;
  env.localModelPath = path.dirname(modelDir);
  const id = path.basename(modelDir);
  const processor = await AutoProcessor.from_pretrained(id);
  const model = await CLIPVisionModelWithProjection.from_pretrained(id, { dtype: 'fp32', device: 'cpu' });
  const run = async (files: string[]) => {
    for (let i = 0; i < files.length; i += 8) {
      const images = await Promise.all(files.slice(i, i + 8).map((f) => RawImage.read(f)));
      const inputs = await processor(images);
      const out = await model(inputs);
      if (!out.image_embeds) throw new Error('transformers.js returned no image_embeds');
    }
  };
  await run(photos.slice(0, 2)); // warm-up
  const t = await measure(() => run(photos));
  await model.dispose();
  return photos.length / t.wall;
}
