// A turned photo is embedded again as the user sees it (library/turned-embeddings.ts): the model
// is given the photo turned by the library's rotation, every row of the content takes the new
// vector, and a file that cannot be read, or was changed since it was indexed, keeps its vector
// and is named. The model here reports
// which side of its input is red, so the test sees what the model was shown.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClipModel } from '../../../src/core/clip/clip-model';
import type { ImageResult } from '../../../src/core/clip/image-pipeline';
import type { PreprocessedImage } from '../../../src/core/clip/preprocess';
import type { LibraryService } from '../../../src/core/library/library-service';
import { embedTurned } from '../../../src/core/library/turned-embeddings';
import { fakeStore, photoRecord, unit } from '../../helpers/fakes/fake-store';
import { tempDir, writeRedLeftBlueRight } from '../../helpers/images';

const SIZE = 224;
const pre = { size: SIZE, mean: [0, 0, 0], std: [1, 1, 1], resizeMode: 'shortest', cropRounding: 'half-even' } as const;

/** [red on top, red on the left, red on the right] of the model's input, as a unit vector. */
function whereRed(rgb: Uint8Array): Float32Array {
  const red = (x: number, y: number) => rgb[(y * SIZE + x) * 3]! > 128 && rgb[(y * SIZE + x) * 3 + 2]! < 128;
  const [topLeft, topRight, bottomLeft, bottomRight] = [red(10, 10), red(SIZE - 10, 10), red(10, SIZE - 10), red(SIZE - 10, SIZE - 10)];
  return unit([topLeft && topRight ? 1 : 0, topLeft && bottomLeft ? 1 : 0, topRight && bottomRight ? 1 : 0, 0.01]);
}

/** A model that embeds what its decoder gives it into whereRed. */
function modelSeeingRed(): ClipModel {
  return {
    folder: { preprocessing: pre },
    async embedImageFiles(paths: readonly string[], onResult: (r: ImageResult) => void, options: { decode?: (p: string, i: number) => Promise<PreprocessedImage | null> }) {
      for (const [index, p] of paths.entries()) {
        try {
          const image = (await options.decode!(p, index))!;
          onResult({ index, path: p, embedding: whereRed(image.rgb) });
        } catch (error) {
          onResult({ index, path: p, error: (error as Error).message });
        }
      }
    },
  } as unknown as ClipModel;
}

describe('embedding turned photos', () => {
  it('shows the model each content turned as the library says, writes every copy, names what it could not read', async () => {
    const dir = tempDir('shoebox-turned-embed-');
    const flag = await writeRedLeftBlueRight(path.join(dir, 'flag.jpg'));
    fs.mkdirSync(path.join(dir, 'backup'));
    const copy = path.join(dir, 'backup', 'flag.jpg');
    fs.copyFileSync(flag, copy);
    const gone = path.join(dir, 'gone.jpg');
    const edited = await writeRedLeftBlueRight(path.join(dir, 'edited.jpg'));
    const store = fakeStore();
    const old = [0, 0, 0, 1];
    const asIndexed = (file: string) => ({ size: fs.statSync(file).size, mtimeMs: Math.floor(fs.statSync(file).mtimeMs) });
    await store.upsertPhotos([
      photoRecord(flag, old, { hash: 'h1', ...asIndexed(flag) }),
      photoRecord(copy, old, { hash: 'h1', ...asIndexed(copy) }),
      photoRecord(gone, old, { hash: 'h2' }),
      // Edited since indexing (another size): its new picture is not the content's.
      photoRecord(edited, old, { hash: 'h3', ...asIndexed(edited), size: asIndexed(edited).size + 1 }),
    ]);
    await store.rotate(['h1', 'h2', 'h3'], 1);
    const lib = { clip: modelSeeingRed } as unknown as LibraryService;

    const rows = await store.photosByPath([flag, gone, edited]);
    const contents = [rows.get(flag)!, rows.get(gone)!, rows.get(edited)!];
    expect(await embedTurned(lib, store, contents)).toEqual({ embedded: 1, unread: [gone, edited] });
    // A quarter right: the red left half is on top now, for both copies.
    for (const p of [flag, copy]) expect([...(await store.getPhoto(p))!.vector]).toEqual([...unit([1, 0, 0, 0.01])]);
    for (const p of [gone, edited]) expect([...(await store.getPhoto(p))!.vector]).toEqual([...unit(old)]);

    // Turned back (four turns): the model sees the file as it is again.
    await store.rotate(['h1'], 3);
    await embedTurned(lib, store, [contents[0]!]);
    expect([...(await store.getPhoto(copy))!.vector]).toEqual([...unit([0, 1, 0, 0.01])]);
  });

  it('writes nothing for a content turned again while it was embedded (that turn writes its own)', async () => {
    const dir = tempDir('shoebox-turned-twice-');
    const flag = await writeRedLeftBlueRight(path.join(dir, 'flag.jpg'));
    const store = fakeStore();
    await store.upsertPhotos([photoRecord(flag, [0, 0, 0, 1], { hash: 'h1', size: fs.statSync(flag).size, mtimeMs: Math.floor(fs.statSync(flag).mtimeMs) })]);
    await store.rotate(['h1'], 1);
    const seeing = modelSeeingRed();
    const turnedMeanwhile = {
      ...seeing,
      folder: seeing.folder,
      async embedImageFiles(...args: Parameters<ClipModel['embedImageFiles']>) {
        await store.rotate(['h1'], 1); // the user presses R again
        return seeing.embedImageFiles(...args);
      },
    } as unknown as ClipModel;
    const lib = { clip: () => turnedMeanwhile } as unknown as LibraryService;
    expect(await embedTurned(lib, store, [(await store.photosByPath([flag])).get(flag)!])).toEqual({ embedded: 0, unread: [] });
    expect([...(await store.getPhoto(flag))!.vector]).toEqual([...unit([0, 0, 0, 1])]);
  });
});
