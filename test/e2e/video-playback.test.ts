// Videos in the browser over `shoebox serve` (#14 item 2), with the tiny colour model and
// real files made with Debian's ffmpeg: a clip that is red for 4 s then blue for 4 s (H.264
// in MP4, which Debian's Chromium plays) among colour photos, and a yellow clip in AVI, which
// no browser plays. "blue" finds the clip; its tile is a frame of it with a duration badge;
// the viewer plays it from the blue moment, fetched in ranged pieces (206). The AVI says in
// one line that it cannot play here and offers the file instead of a blank box; a clip whose
// file is gone since indexing says that instead. Video tiles also select and sit in the
// timeline like photos. Screenshots: test-results/screenshots/video-*.png.
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchPage } from '../../src/shared/api';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { writeColourVideo } from '../helpers/videos';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { hasChromium, screenshot } from './helpers/browser';
import type { ServeProcess } from './helpers/serve';
import { eventually, openUiSession, type UiSession } from './helpers/ui-session';
import { tileNames, waitForThumbnails } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

const CLIP = 'red-then-blue.mp4';
const AVI = 'yellow-clip.avi';
const PHOTOS: Record<string, [number, number, number]> = { 'red.jpg': [220, 20, 20], 'green.jpg': [20, 200, 30], 'blue.jpg': [25, 30, 210] };
/** The header says the photos and the clips apart, as `shoebox status` does. */
const ITEMS = `${Object.keys(PHOTOS).length} photos, 2 videos`;
const ITEM_COUNT = Object.keys(PHOTOS).length + 2;

/** A /video/ response as the page saw it: the Range it asked for and the status it got. */
interface VideoResponse {
  range: string | undefined;
  status: number;
}

describe.skipIf(!hasChromium)('videos in the browser', () => {
  let session: UiSession;
  let serve: ServeProcess;
  let page: Page;
  let errors: string[];
  let videoResponses: VideoResponse[];

  beforeAll(async () => {
    const home = tempDir('shoebox-e2e-video-home-');
    const media = tempDir('shoebox-e2e-video-media-');
    for (const [name, rgb] of Object.entries(PHOTOS)) await writeColourPhoto(media, name, rgb);
    // Some noise so the clip has a real clip's bytes (several ranged pieces' worth of frames).
    writeColourVideo(path.join(media, CLIP), [{ colour: 'red', seconds: 4 }, { colour: 'blue', seconds: 4 }], { size: '640x480' });
    writeColourVideo(path.join(media, AVI), [{ colour: 'yellow', seconds: 3 }], { codec: ['-c:v', 'mpeg4', '-q:v', '5', '-f', 'avi'] });
    session = await openUiSession(['--home', home, '--provider', 'cpu', 'serve', '--model-dir', fixtureModelDir(TINY_IMMICH)]);
    ({ serve, page, errors } = session);
    videoResponses = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/video/')) videoResponses.push({ range: response.request().headers()['range'], status: response.status() });
    });
    await serve.call('addFolder', media);
  }, 300_000);

  afterAll(async () => {
    await session?.close();
  });

  // A clip's tile is named as a video with its length ("Open video red-then-blue.mp4, 0:08").
  const open = (name: string): string | RegExp => (name === CLIP ? `Open video ${CLIP}, 0:08` : name === AVI ? new RegExp(`^Open video ${AVI.replace('.', '\\.')}, \\d+:\\d\\d$`) : `Open ${name}`);
  const tile = (name: string): Locator => page.locator('.tile', { has: page.getByRole('button', { name: open(name), exact: true }) });
  const viewer = () => page.getByRole('dialog', { name: /Photo viewer/ });

  it('indexes the clips with the photos, and "blue" finds the clip with a duration badge on a frame of it', async () => {
    await page.goto(serve.url);
    await eventually(() => page.locator('.result-header').innerText(), 120_000).toContain(ITEMS);
    await page.getByRole('searchbox', { name: 'Search photos' }).fill('blue');
    await eventually(() => page.getByRole('heading', { name: 'Results for “blue”' }).isVisible()).toBe(true);
    // The search's list, not the timeline's still on screen: the clip without the red photo.
    await eventually(() => tileNames(page)).toContain(CLIP);
    await eventually(() => tileNames(page)).not.toContain('red.jpg');
    const badge = tile(CLIP).locator('.tile__duration');
    expect(await badge.getAttribute('aria-hidden')).toBe('true'); // the tile's name says it
    expect(await badge.innerText()).toContain('0:08');
    expect(await tile('blue.jpg').locator('.tile__duration').count()).toBe(0);
    await waitForThumbnails(page);
    // The thumbnail is a picture of the clip (red or blue), not a placeholder or a blank.
    const thumb = await centreColour(tile(CLIP).locator('img'));
    expect(isRed(thumb) || isBlue(thumb), `thumbnail colour ${thumb.join(',')}`).toBe(true);
    await screenshot(page, 'video-search-blue');
  });

  it('opens the clip and plays it from the blue moment, fetched in ranged pieces', async () => {
    const page1 = (await serve.call('search', 'blue')) as SearchPage;
    const hit = page1.photos.find((p) => p.path.endsWith(CLIP));
    expect(hit?.time).toBeGreaterThanOrEqual(4);
    await tile(CLIP).getByRole('button', { name: open(CLIP) }).click();
    const video = viewer().locator('video');
    await eventually(() => video.count()).toBe(1);
    expect(await viewer().getByText(/^Best match at 0:0[4-7]$/).isVisible()).toBe(true);
    // The poster is the clip's thumbnail, from the library.
    expect(new URL(await video.getAttribute('poster') ?? '', serve.origin).pathname).toMatch(/^\/thumb\//);
    // Enough data to show the current frame, and it starts at the matched moment, not at 0.
    await eventually(() => video.evaluate((v: HTMLVideoElement) => v.readyState), 30_000).toBeGreaterThanOrEqual(HAVE_CURRENT_DATA);
    // The seek to it done (currentTime says the new place at once; the frame shown is the old one
    // until the seek has finished).
    await eventually(() => video.evaluate((v: HTMLVideoElement) => (v.seeking || v.readyState < 2 ? -1 : v.currentTime))).toBeGreaterThanOrEqual(hit!.time! - 0.5);
    const frame = await video.evaluate((v: HTMLVideoElement) => {
      const canvas = document.createElement('canvas');
      canvas.width = v.videoWidth;
      canvas.height = v.videoHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(v, 0, 0);
      return Array.from(context.getImageData(v.videoWidth / 2, v.videoHeight / 2, 1, 1).data.slice(0, 3));
    });
    expect(isBlue(frame), `frame colour ${frame.join(',')}`).toBe(true);
    // It plays (autoplay, muted): time moves on from where it started, with no error.
    const started = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
    await eventually(() => video.evaluate((v: HTMLVideoElement, from) => v.currentTime > from || v.ended, started)).toBe(true);
    expect(await video.evaluate((v: HTMLVideoElement) => v.error?.code ?? null)).toBeNull();
    // The browser asked for byte ranges and the server answered them as ranges.
    expect(videoResponses.length).toBeGreaterThan(0);
    expect(videoResponses.filter((r) => r.range?.startsWith('bytes=')).every((r) => r.status === 206)).toBe(true);
    expect(videoResponses.some((r) => r.range?.startsWith('bytes=') && r.status === 206)).toBe(true);
    // The player is the picture's shape (640x480), its controls on the picture, not on a black letterbox.
    const box = (await video.boundingBox())!;
    expect(box.width / box.height).toBeCloseTo(4 / 3, 1);
    await video.evaluate((v: HTMLVideoElement) => v.pause());
    await screenshot(page, 'video-viewer-playing');
    // With the player focused, the arrows are the player's (seeking), not the viewer's.
    await video.focus();
    await page.keyboard.press('ArrowRight');
    expect(await viewer().getByRole('heading', { name: CLIP }).count()).toBe(1);
    expect(await viewer().locator('video').count()).toBe(1);
    await viewer().focus();
    // Stepping to a photo shows the photo, no player left behind.
    await page.keyboard.press('ArrowRight');
    await eventually(() => viewer().locator('video').count()).toBe(0);
    expect(await viewer().locator('img.viewer__image').count()).toBe(1);
    await page.keyboard.press('Escape');
    await eventually(() => viewer().count()).toBe(0);
  });

  it('a video this browser cannot play says so in one line and offers the file', async () => {
    await page.getByRole('searchbox', { name: 'Search photos' }).fill('yellow');
    await eventually(() => tileNames(page)).toContain(AVI);
    // The length is in the tile's name ("Open video …, 0:03"); the badge says it on hover only.
    expect(await tile(AVI).locator('.tile__duration').getAttribute('title')).toBe('Video, 0:03');
    await tile(AVI).getByRole('button', { name: open(AVI) }).click();
    const note = viewer().getByRole('note').filter({ hasText: 'cannot play' });
    await eventually(() => note.innerText(), 30_000).toBe('This browser cannot play this video’s encoding (MPEG-4 Part 2).'); // the AVI's codec, not its container
    // No black box where the video would be: the thumbnail stands in, and the file is offered.
    expect(await viewer().locator('video').count()).toBe(0);
    const still = viewer().locator('img.viewer__still');
    await eventually(() => still.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(isYellow(await centreColour(still))).toBe(true);
    const download = viewer().getByRole('link', { name: 'Download' });
    expect(await download.getAttribute('download')).toBe(AVI);
    const href = new URL((await download.getAttribute('href'))!, serve.origin).toString();
    const bytes = await page.evaluate(async (url) => (await fetch(url)).arrayBuffer().then((b) => Array.from(new Uint8Array(b.slice(0, 12)))), href);
    expect(String.fromCharCode(...bytes.slice(0, 4)) + String.fromCharCode(...bytes.slice(8, 12))).toBe('RIFFAVI ');
    await screenshot(page, 'video-viewer-unplayable');
    await page.keyboard.press('Escape');
    await eventually(() => viewer().count()).toBe(0);
  });

  it('video tiles sit in the timeline and select like photos', async () => {
    await page.getByRole('searchbox', { name: 'Search photos' }).fill('');
    await eventually(() => page.locator('.result-header').innerText()).toContain(ITEMS);
    await eventually(async () => (await tileNames(page)).length).toBe(ITEM_COUNT);
    expect(await tile(CLIP).locator('.tile__duration').innerText()).toContain('0:08');
    await tile(CLIP).getByRole('button', { name: open(CLIP) }).click({ modifiers: ['ControlOrMeta'] });
    await tile('blue.jpg').getByRole('button', { name: 'Open blue.jpg' }).click({ modifiers: ['ControlOrMeta'] });
    const bar = page.getByRole('toolbar', { name: 'Selected photos' });
    await eventually(() => bar.innerText()).toContain('1 photo, 1 video selected');
    expect(await page.getByRole('checkbox', { checked: true }).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')).sort())).toEqual(['Select blue.jpg', `Select ${CLIP}`].sort());
    // Every tile is the same square, badge or not.
    const sizes = await page.locator('.tile').evaluateAll((els) => els.map((el) => `${el.getBoundingClientRect().width}x${el.getBoundingClientRect().height}`));
    expect(new Set(sizes).size).toBe(1);
    await waitForThumbnails(page);
    await screenshot(page, 'video-timeline-selected');
    await bar.getByRole('button', { name: 'Clear selection' }).click();
    await eventually(() => bar.count()).toBe(0);
  });

  it('"Videos" in the sidebar lists the clips alone, with their count', async () => {
    const videos = page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /^Videos/ });
    await eventually(() => videos.innerText()).toMatch(/^Videos\s+2$/);
    await videos.click();
    await eventually(() => page.locator('.result-header').innerText()).toContain('2 videos');
    await eventually(async () => (await tileNames(page)).sort()).toEqual([CLIP, AVI].sort());
    await screenshot(page, 'video-videos-view');
    await page.getByRole('button', { name: 'Show all photos' }).click();
    await eventually(() => page.locator('.result-header').innerText()).toContain(ITEMS);
  });

  it('a video whose file is gone since indexing says so, not that its format is wrong', async () => {
    const before = errors.length;
    // The server answers as it does for a library file moved or deleted since it was indexed.
    await page.route('**/video/**', (route) => route.fulfill({ status: 404, contentType: 'text/plain; charset=utf-8', body: 'not a library video' }));
    try {
      await page.getByRole('searchbox', { name: 'Search photos' }).fill('blue');
      await eventually(() => page.getByRole('heading', { name: 'Results for “blue”' }).isVisible()).toBe(true);
      await eventually(() => tileNames(page)).toContain(CLIP);
      await eventually(() => tileNames(page)).not.toContain('red.jpg');
      await tile(CLIP).getByRole('button', { name: open(CLIP) }).click();
      const note = viewer().getByRole('note').filter({ hasText: 'cannot be read' });
      await eventually(() => note.innerText(), 30_000).toBe('The video file cannot be read: it was moved or deleted since it was indexed.');
      expect(await viewer().getByRole('link', { name: 'Download' }).count()).toBe(0);
      await screenshot(page, 'video-viewer-file-gone');
      await page.keyboard.press('Escape');
      await eventually(() => viewer().count()).toBe(0);
    } finally {
      await page.unroute('**/video/**');
    }
    // The browser logs the 404s it was given; nothing else may have gone wrong.
    const added = errors.splice(before);
    expect(added.filter((e) => !/status of 404/.test(e))).toEqual([]);
  });

  it('raised no console errors', () => {
    expect(errors).toEqual([]);
  });
});

const HAVE_CURRENT_DATA = 2;

/** The RGB at the middle of a loaded <img>, read back through a canvas (same origin). */
function centreColour(img: Locator): Promise<number[]> {
  return img.evaluate((el: HTMLImageElement) => {
    const canvas = document.createElement('canvas');
    canvas.width = el.naturalWidth;
    canvas.height = el.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(el, 0, 0);
    return Array.from(context.getImageData(el.naturalWidth / 2, el.naturalHeight / 2, 1, 1).data.slice(0, 3));
  });
}

const isRed = ([r, g, b]: number[]) => r! > 150 && g! < 80 && b! < 80;
const isBlue = ([r, g, b]: number[]) => b! > 150 && r! < 80 && g! < 80;
const isYellow = ([r, g, b]: number[]) => r! > 150 && g! > 150 && b! < 80;
