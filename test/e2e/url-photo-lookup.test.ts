// The photo the URL names, looked for in a long list, in the browser over `shoebox serve`
// with the tiny colour model. The whole library's timeline is stood in for over the page's
// WebSocket (thousands of photos, the real ones placed far down, pages answered slowly), so
// that the page reads for a while before it turns up. Whatever the user does meanwhile wins:
// a photo they open stays open (and closed, closed), another screen drops the look-up; a
// refresh of the list every second goes on from where it was; a photo further down than
// 10,000 photos, or not in the list at all, opens nothing after 50 pages at most, the URL
// quietly dropping it; the engine too busy to say whether the photo exists does not count as
// gone. And the history around it: Forward onto a photo deleted since leaves no entry that
// reads the same as the one before; Esc then Enter at once leaves the photo reopened in the
// URL; stepping onto a photo whose page had not arrived names it in the URL once it has. And
// the viewer far down a list fetched again: its photo stays on screen (never the one that took
// its place, nor "Loading…"); one said removed and stepped past is not shown again meanwhile.
import type { WebSocketRoute } from 'playwright-core';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TimelinePhoto } from '../../src/shared/api';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';
import { eventually } from './helpers/ui-session';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

const PAGE = 200;
const NAMES = ['red', 'green', 'blue', 'yellow', 'teal'] as const;
type Name = (typeof NAMES)[number];
const DAY = Date.UTC(2024, 0, 1, 12);

/** The timeline the page is shown instead of the library's: `total` photos, the real ones at
 *  `at`, fillers elsewhere; each page past the first answered after `delay` ms. */
interface FakeTimeline {
  total: number;
  at: Partial<Record<Name, number>>;
  delay: number;
}

describe.skipIf(!hasChromium)('the URL’s photo looked for in a long list', () => {
  const env: NodeJS.ProcessEnv = {};
  const lib = useLibrarySession(
    'url-photo-lookup',
    async (photos) => {
      env.SHOEBOX_TRASH_DIR = tempDir('shoebox-e2e-url-photo-lookup-trash-');
      const rgb: Record<Name, [number, number, number]> = { red: [220, 20, 20], green: [20, 200, 30], blue: [25, 30, 210], yellow: [230, 220, 20], teal: [20, 150, 150] };
      for (const [i, name] of NAMES.entries()) await writeExifColourPhoto(photos, `${name}.jpg`, rgb[name], { taken: `2024:03:0${i + 1} 10:00:00` });
    },
    { env },
  );

  let fake: FakeTimeline | null = null;
  /** The offsets of the stand-in timeline's pages the page asked for. */
  let served: number[] = [];
  /** The next getPhoto of this id is answered with an error (the engine busy). */
  let refuse: string | null = null;
  let socket: WebSocketRoute | null = null;
  const real = {} as Record<Name, TimelinePhoto>;

  const filler = (i: number): TimelinePhoto => ({ id: `filler-${i}`, path: `/fake/filler-${i}.jpg`, folder: '/fake', width: 400, height: 300, takenAt: null, date: DAY });
  const photoAt = (timeline: FakeTimeline, i: number): TimelinePhoto => {
    const name = NAMES.find((n) => timeline.at[n] === i);
    return name ? { ...real[name], date: DAY } : filler(i);
  };

  beforeAll(async () => {
    const grey = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    await lib.page.route(/\/(thumb|image)\/filler-/, (route) => route.fulfill({ contentType: 'image/jpeg', body: grey }));
    await lib.page.routeWebSocket(/\/ws$/, (ws) => {
      socket = ws;
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        const request = typeof message === 'string' ? (JSON.parse(message) as { id: number; method: string; params: unknown[] }) : null;
        const options = (request?.params[0] ?? {}) as Record<string, unknown>;
        // Only the whole library's timeline (no folder, favourites, place…), newest taken first.
        const whole = Object.keys(options).every((key) => ['offset', 'limit', 'order', 'utcOffset'].includes(key)) && (options.order ?? 'taken') === 'taken';
        const timeline = fake;
        if (request && timeline && whole && request.method === 'timelineSummary') {
          ws.send(JSON.stringify({ id: request.id, result: { total: timeline.total, days: [{ day: '2024-01-01', count: timeline.total }] } }));
        } else if (request && timeline && whole && request.method === 'timeline') {
          const offset = Number(options.offset ?? 0);
          const limit = Number(options.limit ?? PAGE);
          served.push(offset);
          const photos = Array.from({ length: Math.max(0, Math.min(limit, timeline.total - offset)) }, (_, i) => photoAt(timeline, offset + i));
          const answer = () => ws.send(JSON.stringify({ id: request.id, result: { total: timeline.total, offset, photos } }));
          if (offset === 0) answer();
          else setTimeout(answer, timeline.delay);
        } else if (request && request.method === 'getPhoto' && refuse !== null && request.params[0] === refuse) {
          refuse = null;
          ws.send(JSON.stringify({ id: request.id, error: { name: 'LibraryBusyError', message: 'The library is busy: try again.' } }));
        } else {
          server.send(message);
        }
      });
    });
  });

  const page = () => lib.page;
  const hash = () => lib.page.evaluate(() => location.hash);
  const historyLength = () => lib.page.evaluate(() => history.length);
  const sidebar = () => lib.page.getByRole('navigation', { name: 'Library' });
  const viewer = () => lib.page.getByRole('dialog', { name: /^Photo viewer/ });
  const viewerName = () => viewer().getAttribute('aria-label');
  const title = () => lib.page.locator('main h1').first().innerText();
  const open = (name: Name) => lib.page.getByRole('button', { name: `Open ${name}.jpg`, exact: true });
  const photoHash = (name: Name) => `#/?photo=${encodeURIComponent(real[name].id)}`;
  /** A fresh page (not a move within this one) on `hash`. */
  const load = async (to: string, timeline: FakeTimeline | null) => {
    fake = timeline;
    served = [];
    await page().goto('about:blank');
    await page().goto(`${lib.serve.url}${to}`);
    await eventually(() => sidebar().isVisible(), 30_000).toBe(true);
  };
  /** Long enough for the look-up to have read every page up to the one holding `index` (and then some). */
  const lookupTime = (timeline: FakeTimeline, index: number) => Math.ceil(index / PAGE) * timeline.delay + 2000;

  it('the library indexes', async () => {
    await page().goto(lib.serve.url);
    await eventually(async () => (await tileNames(page())).length, 60_000).toBe(NAMES.length);
    const { photos } = (await lib.serve.call('timeline', {})) as { photos: TimelinePhoto[] };
    for (const photo of photos) real[NAMES.find((n) => photo.path.endsWith(`/${n}.jpg`))!] = photo;
    expect(Object.keys(real).sort()).toEqual([...NAMES].sort());
    await lib.serve.call('saveAlbum', { name: 'Everything', query: 'a photo', threshold: -1 });
  });

  it('a photo the user opens before the URL’s turns up stays open', async () => {
    const timeline = { total: 2000, at: { red: 0, green: 1700 }, delay: 250 };
    await load(photoHash('green'), timeline);
    await open('red').click();
    await eventually(viewerName).toBe('Photo viewer: red.jpg');
    await page().waitForTimeout(lookupTime(timeline, 1700));
    expect(await viewerName()).toBe('Photo viewer: red.jpg');
    expect(await hash()).toBe(photoHash('red'));
  });

  it('closed before it turns up, the viewer stays closed, and the URL names no photo', async () => {
    const timeline = { total: 2000, at: { red: 0, green: 1700 }, delay: 250 };
    await load(photoHash('green'), timeline);
    await open('red').click();
    await eventually(viewerName).toBe('Photo viewer: red.jpg');
    await page().keyboard.press('Escape');
    await eventually(() => viewer().count()).toBe(0);
    await page().waitForTimeout(lookupTime(timeline, 1700));
    expect(await viewer().count()).toBe(0);
    expect(await hash()).toBe('#/');
  });

  it('another screen drops it: no viewer opens over the album', async () => {
    const timeline = { total: 2000, at: { red: 0, green: 1700 }, delay: 250 };
    await load(photoHash('green'), timeline);
    await sidebar().getByRole('button', { name: /^Everything/ }).click();
    await eventually(title).toBe('Everything');
    await page().waitForTimeout(lookupTime(timeline, 1700));
    expect(await viewer().count()).toBe(0);
    expect(await hash()).toBe('#/album/Everything');
  });

  it('one not in the list, left for an album meanwhile, does not make the next move a replace', async () => {
    const timeline = { total: 2000, at: { red: 0 }, delay: 250 };
    await load(photoHash('green'), timeline);
    await sidebar().getByRole('button', { name: /^Everything/ }).click();
    await eventually(title).toBe('Everything');
    await page().waitForTimeout(lookupTime(timeline, 2000));
    const grid = page().getByRole('region', { name: 'Photos in Everything' });
    await eventually(async () => (await tileNames(grid)).length, 30_000).toBe(NAMES.length);
    await grid.getByRole('button', { name: 'Open blue.jpg' }).click();
    await eventually(viewerName).toBe('Photo viewer: blue.jpg');
    // The URL names it once the app's history has followed (an effect after the viewer shows):
    // a Back sooner would leave the album, as it would for a user that quick.
    await eventually(hash).toBe(`#/album/Everything?photo=${encodeURIComponent(real.blue.id)}`);
    // Opening it was an entry of its own: Back closes the viewer, in the album.
    await page().goBack();
    await eventually(() => viewer().count()).toBe(0);
    expect(await hash()).toBe('#/album/Everything');
    expect(await title()).toBe('Everything');
  });

  it('a refresh of the list every second goes on from the page it had reached', async () => {
    const timeline = { total: 2000, at: { red: 0, green: 1700 }, delay: 250 };
    await load(photoHash('green'), timeline);
    // The library changes (photos indexed elsewhere): the list is fetched again, again and again.
    const ticking = setInterval(() => socket?.send(JSON.stringify({ event: { type: 'photos-changed', added: 1, removed: 0 } })), 700);
    try {
      await eventually(viewerName, 30_000).toBe('Photo viewer: green.jpg');
    } finally {
      clearInterval(ticking);
    }
    expect(await hash()).toBe(photoHash('green'));
  });

  it('past 10,000 photos it opens nothing, reads 50 pages at most, and drops the photo from the URL quietly', async () => {
    const timeline = { total: 20_000, at: { red: 0, green: 12_000 }, delay: 0 };
    await load(photoHash('green'), timeline);
    const entries = await historyLength();
    await eventually(hash, 30_000).toBe('#/');
    await page().waitForTimeout(1000);
    expect(await viewer().count()).toBe(0);
    expect(await historyLength()).toBe(entries);
    // The look-up's 50 pages, and the grid's own first ones.
    expect(new Set(served).size).toBeLessThanOrEqual(52);
    expect(served).not.toContain(12_000);
  });

  it('the engine too busy to say whether the photo exists: looked for all the same', async () => {
    const timeline = { total: 1000, at: { red: 0, green: 700 }, delay: 0 };
    refuse = real.green.id;
    await load(photoHash('green'), timeline);
    await eventually(viewerName, 30_000).toBe('Photo viewer: green.jpg');
    expect(refuse).toBeNull();
    expect(await hash()).toBe(photoHash('green'));
  });

  it('a step onto a photo whose page has not arrived names it in the URL once it has', async () => {
    const timeline = { total: 1000, at: { red: 199, blue: 200 }, delay: 1500 };
    await load(photoHash('red'), timeline);
    await eventually(viewerName, 30_000).toBe('Photo viewer: red.jpg');
    await page().keyboard.press('ArrowRight');
    await eventually(viewerName).toBe('Photo viewer: blue.jpg');
    await eventually(hash).toBe(photoHash('blue'));
  });

  it('Esc then Enter at once (before the close’s Back has arrived): the photo open is in the URL', async () => {
    await load('#/', null);
    await eventually(() => tileNames(page())).toHaveLength(NAMES.length);
    // Back takes its time (it is asynchronous): here, a second and a half. Its arrival (the
    // popstate, after the page's own listener has had it) is counted.
    await page().evaluate(() => {
      const back = history.back.bind(history);
      history.back = () => void setTimeout(back, 1500);
      Reflect.set(window, 'pops', 0);
      window.addEventListener('popstate', () => Reflect.set(window, 'pops', (Reflect.get(window, 'pops') as number) + 1));
    });
    const pops = () => page().evaluate(() => Reflect.get(window, 'pops') as number);
    await open('teal').click();
    await eventually(viewerName).toBe('Photo viewer: teal.jpg');
    await eventually(hash).toBe(photoHash('teal'));
    await page().keyboard.press('Escape');
    await eventually(() => page().evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Open teal.jpg');
    await page().keyboard.press('Enter');
    await eventually(viewerName).toBe('Photo viewer: teal.jpg');
    // Once that Back has arrived (and the history has followed the app from there).
    await eventually(pops).toBe(1);
    expect(await viewerName()).toBe('Photo viewer: teal.jpg');
    expect(await hash()).toBe(photoHash('teal'));
    // It is an entry of its own still: Back closes it.
    await page().evaluate(() => Reflect.deleteProperty(history, 'back'));
    await page().goBack();
    await eventually(() => viewer().count()).toBe(0);
    expect(await hash()).toBe('#/');
  });

  it('Forward onto a photo deleted since: no viewer, and the next Back leaves the screen', async () => {
    await load('#/recent', null);
    await eventually(title).toBe('Recently added');
    await sidebar().getByRole('button', { name: /^All photos/ }).click();
    await eventually(title).toBe('All photos');
    await open('yellow').click();
    await eventually(viewerName).toBe('Photo viewer: yellow.jpg');
    await eventually(hash).toBe(photoHash('yellow'));
    await page().goBack();
    await eventually(() => viewer().count()).toBe(0);
    await lib.serve.call('trashPhotos', [real.yellow.id]);
    await eventually(async () => (await tileNames(page())).includes('yellow.jpg'), 30_000).toBe(false);
    await page().goForward();
    await eventually(hash).toBe('#/');
    await page().waitForTimeout(1000);
    expect(await viewer().count()).toBe(0);
    // No entry was left reading as the one before it: one Back goes back to Recently added.
    await page().goBack();
    await eventually(title).toBe('Recently added');
    expect(await hash()).toBe('#/recent');
  });

  it('far down the list, a refresh that moves its photo (its page answering last) leaves the viewer on it', async () => {
    const timeline = { total: 2000, at: { red: 0, green: 450 } as FakeTimeline['at'], delay: 1500 };
    await load(photoHash('green'), timeline);
    await eventually(viewerName, 30_000).toBe('Photo viewer: green.jpg');
    // A photo indexed above it elsewhere: the list is fetched again, green one place down, and
    // its page comes back well after the first (taken for "away", the viewer lost its photo and
    // showed the one that took its place). Every name the viewer takes is recorded as the page changes it, however briefly (a
    // look every 100 ms missed a photo shown for one frame, until the viewer moved on).
    await page().evaluate(() => {
      const dialog = document.querySelector('.viewer[role="dialog"]')!;
      const names = [dialog.getAttribute('aria-label') ?? ''];
      Reflect.set(window, 'viewerNames', names);
      new MutationObserver((records) => {
        for (const record of records) names.push(record.oldValue ?? '');
        names.push(dialog.getAttribute('aria-label') ?? '');
      }).observe(dialog, { attributes: true, attributeFilter: ['aria-label'], attributeOldValue: true });
    });
    timeline.at = { red: 0, green: 451 };
    socket?.send(JSON.stringify({ event: { type: 'photos-changed', added: 1, removed: 0 } }));
    // Its page asked for again, answered, and then some (the list may be fetched twice).
    await eventually(() => served.filter((offset) => offset === 400).length, 10_000).toBeGreaterThan(1);
    await page().waitForTimeout(timeline.delay);
    await eventually(viewerName, 10_000).toBe('Photo viewer: green.jpg');
    await page().waitForTimeout(2 * timeline.delay);
    const names = await page().evaluate(() => Reflect.get(window, 'viewerNames') as string[]);
    // Its photo all along: nor "Loading…" while the list fetched again had not answered for its place.
    expect(new Set(names)).toEqual(new Set(['Photo viewer: green.jpg']));
    expect(await hash()).toBe(photoHash('green'));
    // At its new place: the photo before it is the one that took its old place.
    await page().keyboard.press('ArrowLeft');
    await eventually(viewerName).toBe('Photo viewer: filler-450.jpg');
  });

  it('a photo said removed, stepped past while the list is fetched again, is not shown again', async () => {
    const timeline = { total: 2000, at: { red: 0, green: 450 } as FakeTimeline['at'], delay: 1500 };
    await load(photoHash('green'), timeline);
    await eventually(viewerName, 30_000).toBe('Photo viewer: green.jpg');
    // Gone from the list, and the engine cannot say it is still in the library: said removed.
    timeline.at = { red: 0 };
    refuse = real.green.id;
    socket?.send(JSON.stringify({ event: { type: 'photos-changed', added: 0, removed: 1 } }));
    await eventually(viewerName, 10_000).toBe('Photo viewer: green.jpg (removed)');
    await page().evaluate(() => {
      const dialog = document.querySelector('.viewer[role="dialog"]')!;
      const names: string[] = [];
      Reflect.set(window, 'viewerNames', names);
      new MutationObserver(() => names.push(dialog.getAttribute('aria-label') ?? '')).observe(dialog, { attributes: true, attributeFilter: ['aria-label'] });
    });
    // Another change: the list is fetched again; → before the viewer's page has come back.
    const asked = served.length;
    socket?.send(JSON.stringify({ event: { type: 'photos-changed', added: 1, removed: 0 } }));
    await eventually(() => served.slice(asked).includes(400), 10_000).toBe(true);
    await page().keyboard.press('ArrowRight');
    await eventually(viewerName, 10_000).toBe('Photo viewer: filler-450.jpg');
    const names = await page().evaluate(() => Reflect.get(window, 'viewerNames') as string[]);
    expect(names).not.toContain('Photo viewer: green.jpg');
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
