// "Show in folder" from the selection bar when the photo's file is gone (moved, deleted, on a
// disk not connected): main refuses with a message naming the path (src/main/reveal-photo.ts),
// and the bar says it as its one message line, where every other action of the bar reports,
// not squeezed between its buttons. The button exists in the desktop app only: in Chromium,
// the built UI served by `shoebox serve` with window.shoebox playing the Electron preload,
// whose revealPhoto rejects as ipcRenderer.invoke does when main throws.
// Screenshot: test-results/screenshots/reveal-missing-file.png.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { INVOKABLE_METHODS } from '../../src/shared/api-methods';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium, screenshot } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';

const NOT_THERE = "The photo's file is not there (moved, deleted, or on a disk not connected): ";

describe.skipIf(!hasChromium)('Show in folder, the file gone', () => {
  const lib = useLibrarySession('reveal-missing', async (photos) => {
    await writeExifColourPhoto(photos, 'p1.jpg', [200, 40, 60], { taken: '2024:01:02 12:00:00' });
    await writeExifColourPhoto(photos, 'p2.jpg', [40, 200, 60], { taken: '2024:01:01 12:00:00' });
  });

  beforeAll(async () => {
    await lib.page.addInitScript(
      ({ methods, token, notThere }) => {
        const call = async (method: string, args: unknown[]) => {
          const res = await fetch(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(args) });
          const body = (await res.json()) as { result?: unknown; error?: { message: string } };
          if (body.error) throw new Error(body.error.message);
          return body.result;
        };
        // A plain object, as contextBridge hands over (the client spreads it).
        const api: Record<string, unknown> = Object.fromEntries(methods.map((m) => [m, (...args: unknown[]) => call(m, args)]));
        api['subscribe'] = () => () => {};
        // Main found the photo but not its file: Electron wraps main's message as it rejects.
        api['revealPhoto'] = async (id: string) => {
          const photo = (await call('getPhoto', [id])) as { path: string };
          throw new Error(`Error invoking remote method 'shoebox-desktop:revealPhoto': Error: ${notThere}${photo.path}`);
        };
        (window as unknown as { shoebox: unknown }).shoebox = api;
      },
      { methods: [...INVOKABLE_METHODS], token: lib.serve.token, notThere: NOT_THERE },
    );
  });

  const bar = () => lib.page.getByRole('toolbar', { name: 'Selected photos' });
  const tile = (name: string) => lib.page.locator('.tile', { has: lib.page.getByRole('button', { name: `Open ${name}` }) });

  it("says main's message as the bar's one line, below its buttons", async () => {
    // This stand-in pushes no events (the page would reload on the index's): indexed first.
    const indexed = async () => {
      const status = (await lib.serve.call('status')) as { photos: number; jobs: { state: string }[] };
      return status.photos === 2 && status.jobs.every((job) => job.state !== 'queued' && job.state !== 'running');
    };
    await eventually(indexed, 120_000).toBe(true);
    await lib.page.goto(lib.serve.url);
    await eventually(() => tile('p1.jpg').isVisible(), 60_000).toBe(true);
    await tile('p1.jpg').getByRole('button', { name: 'Open p1.jpg' }).click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText()).toContain('1 photo selected');
    await bar().getByRole('button', { name: 'Show in folder' }).click();

    // The bar's message line (a child of the bar, as Tag's or Export's result), not a piece of its row of buttons.
    const line = bar().locator(':scope > p[role="alert"]');
    await eventually(() => line.count()).toBe(1);
    expect(await line.innerText()).toBe(`${NOT_THERE}${path.join(lib.photos, 'p1.jpg')}`);
    expect(await bar().locator('.selection-bar__row').first().innerText()).not.toContain('not there');
    // One line of text at the window's usual width.
    expect(await line.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return range.getClientRects().length;
    })).toBe(1);
    await screenshot(lib.page, 'reveal-missing-file');
  });
});
