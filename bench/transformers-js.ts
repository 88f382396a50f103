// The same model and photos through @huggingface/transformers (AutoProcessor +
// CLIPVisionModelWithProjection): one photo at a time as its documentation shows, and
// batched by 8 as a careful user of it would. Its own defaults otherwise (ONNX Runtime
// threads, sharp decoding): this is what a developer using it gets.
import path from 'node:path';
import { AutoProcessor, CLIPVisionModelWithProjection, RawImage, env } from '@huggingface/transformers';
import { measure } from './stats';

type Processor = Awaited<ReturnType<typeof AutoProcessor.from_pretrained>>;
type VisionModel = Awaited<ReturnType<typeof CLIPVisionModelWithProjection.from_pretrained>>;

export class TransformersJsProbe {
  private constructor(
    private readonly processor: Processor,
    private readonly model: VisionModel,
  ) {}

  static async open(modelDir: string, warmUpPhotos: string[]): Promise<TransformersJsProbe> {
    env.allowRemoteModels = false;
    env.localModelPath = path.dirname(modelDir);
    const id = path.basename(modelDir);
    const processor = await AutoProcessor.from_pretrained(id);
    const model = await CLIPVisionModelWithProjection.from_pretrained(id, { dtype: 'fp32', device: 'cpu' });
    const probe = new TransformersJsProbe(processor, model);
    await probe.run(warmUpPhotos.slice(0, 2), 2);
    return probe;
  }

  /** Photos/s, `batch` photos per call. */
  async rate(photos: string[], batch: number): Promise<number> {
    const t = await measure(() => this.run(photos, batch));
    return photos.length / t.wall;
  }

  close(): Promise<unknown> {
    return this.model.dispose();
  }

  private async run(files: string[], batch: number): Promise<void> {
    for (let i = 0; i < files.length; i += batch) {
      const images = await Promise.all(files.slice(i, i + batch).map((f) => RawImage.read(f)));
      const inputs = await this.processor(images);
      const out = await this.model(inputs);
      if (!out.image_embeds) throw new Error('transformers.js returned no image_embeds');
    }
  }
}
