// The app's "Search by image" (an image from outside the library, sent as bytes) finds a video
// of its scene at that moment, as `shoebox similar` and "More like this" do: one result, with
// the time the viewer plays from. Real ffmpeg, LanceDB and the tiny colour model.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { writeColourVideo } from '../helpers/videos';

const openHost = useApiHosts();

describe('search by an image from outside the library', () => {
  it('finds the video whose scene it shows, at that moment, not by its poster frame', async () => {
    const dir = tempDir('shoebox-image-video-');
    await writeColourPhoto(dir, 'red.jpg', [220, 20, 20]);
    await writeColourPhoto(dir, 'green.jpg', [20, 200, 30]);
    writeColourVideo(path.join(dir, 'red-then-blue.mp4'), [{ colour: 'red', seconds: 4 }, { colour: 'blue', seconds: 4 }]);
    const { host, events } = await openHost();
    expect(await jobFinished(events, await host.addFolder(dir))).toMatchObject({ state: 'done', result: { added: 3 } });

    const query = await writeColourPhoto(tempDir(), 'a-blue-scene.jpg', [20, 20, 230]);
    const page = await host.searchByImage({ name: 'a-blue-scene.jpg', base64: fs.readFileSync(query).toString('base64') }, { limit: 3 });
    expect(path.basename(page.photos[0]!.path)).toBe('red-then-blue.mp4');
    expect(page.photos[0]!.time).toBeGreaterThanOrEqual(4);
  }, 120_000);
});
