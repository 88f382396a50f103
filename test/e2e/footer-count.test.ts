// The status bar at the foot of the grid counts the library as the grid's header, a folder and
// `shoebox status` do: photos and videos apart ("2 photos, 1 video"), never "3 photos".
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeColourPhoto } from '../helpers/images';
import { writeColourVideo } from '../helpers/videos';
import { hasChromium } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('the footer count with a video', () => {
  const lib = useLibrarySession('footer-count', async (photos) => {
    await writeColourPhoto(photos, 'red.jpg', [220, 30, 30]);
    await writeColourPhoto(photos, 'green.jpg', [30, 220, 30]);
    writeColourVideo(path.join(photos, 'clip.mp4'), [{ colour: 'blue', seconds: 2 }]);
  });

  it('says the video apart, as the grid header does', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => lib.page.locator('.result-header').innerText(), 60_000).toContain('2 photos, 1 video');
    await eventually(() => lib.page.locator('footer.status-bar').innerText(), 30_000).toContain('2 photos, 1 video');
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
