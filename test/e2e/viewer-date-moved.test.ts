// A date edited in the viewer that moves the photo to a part of the timeline not loaded yet
// (203 undated photos, newest file first: the newest given a date in 2019 goes to the end,
// past the first page of 200): the viewer stays on that photo and says the date was set by
// hand; "Use the file's date" keeps it there too; archiving it then still steps on to the photo
// that took its place (the timeline's usual way). The grid asks for a page past what it
// draws, and a refreshed list fetches it (lib/paged-photos.ts): that far part is kept not
// loaded here by leaving the page's requests for it unanswered.
import fs from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeColourPhoto } from '../helpers/images';
import { hasChromium } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

/** More than one page of the list (lib/paged-photos.ts PAGE_SIZE is 200). */
const MANY = 203;
const name = (i: number) => `m${String(i).padStart(3, '0')}.jpg`;

describe.skipIf(!hasChromium)('a date edit in the viewer that moves the photo far', () => {
  const lib = useLibrarySession('date-moved', async (photos) => {
    const now = Date.now();
    for (let i = 0; i < MANY; i++) {
      const file = await writeColourPhoto(photos, name(i), [i, (i * 7) % 256, 255 - i], { width: 64, height: 48 });
      const time = new Date(now - i * 60_000);
      fs.utimesSync(file, time, time);
    }
  });

  // The page's WebSocket routed before the page first loads: the timeline past its first page is never answered.
  beforeAll(async () => {
    await lib.page.routeWebSocket(/\/ws$/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        const request = typeof message === 'string' ? (JSON.parse(message) as { method: string; params: [{ offset?: number }?] }) : null;
        if (request?.method === 'timeline' && (request.params[0]?.offset ?? 0) >= 200) return;
        server.send(message);
      });
    });
  });

  afterEach(async () => {
    if (await viewer().count()) await lib.page.keyboard.press('Escape');
  });

  const viewer = () => lib.page.getByRole('dialog', { name: /^Photo viewer/ });
  const taken = () => viewer().locator('.metadata__row', { has: lib.page.getByText('Taken', { exact: true }) }).locator('dd');
  const editDate = async (value: string | null) => {
    await taken().getByRole('button', { name: 'Edit date taken' }).click();
    if (value === null) return viewer().getByRole('button', { name: /^Use the file’s date/ }).click();
    await viewer().getByLabel('Date taken').fill(value);
    await viewer().getByRole('button', { name: 'Save' }).click();
  };

  it('stays on the edited photo and says the date was set by hand; the file’s date put back keeps it too', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => tileNames(lib.page, 2), 120_000).toEqual([name(0), name(1)]);
    await eventually(async () => ((await lib.serve.call('timeline', { limit: 500 })) as { photos: unknown[] }).photos.length, 120_000).toBe(MANY);
    await lib.page.getByRole('button', { name: `Open ${name(0)}`, exact: true }).click();
    await eventually(() => taken().innerText()).toMatch(/^unknown/);
    await editDate('2019-07-14T10:30');
    await eventually(() => taken().innerText()).toMatch(/2019.*set by hand/s);
    // Still that photo, a while after the timeline has reloaded.
    await lib.page.waitForTimeout(1500);
    expect(await viewer().getAttribute('aria-label')).toBe(`Photo viewer: ${name(0)}`);
    expect(await taken().innerText()).toMatch(/2019.*set by hand/s);
    // And back to the file's own date: it stays (the photo is first again).
    await editDate(null);
    await eventually(() => taken().innerText()).not.toContain('set by hand');
    await lib.page.waitForTimeout(1500);
    expect(await viewer().getAttribute('aria-label')).toBe(`Photo viewer: ${name(0)}`);
  }, 300_000);

  it('steps on when the moved photo is then archived from the timeline', async () => {
    await eventually(() => tileNames(lib.page, 2)).toEqual([name(0), name(1)]);
    await lib.page.getByRole('button', { name: `Open ${name(0)}`, exact: true }).click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe(`Photo viewer: ${name(0)}`);
    await editDate('2019-07-14T10:30');
    await eventually(() => taken().innerText()).toMatch(/2019.*set by hand/s);
    await lib.page.waitForTimeout(1000);
    expect(await viewer().getAttribute('aria-label')).toBe(`Photo viewer: ${name(0)}`);
    // Archived from the timeline, it leaves it as any photo does: the one that took its place shows.
    await viewer().getByRole('button', { name: 'Archive', exact: true }).click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe(`Photo viewer: ${name(1)}`);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
