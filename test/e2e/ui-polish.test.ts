// What a walk through the UI at a 900 px wide window found, in the browser over `shoebox serve`
// with the tiny colour model: a filled danger button reads as enabled in both themes (a strong
// red, its text at 4.5:1 or more) and a disabled one as disabled (no red); the status bar stays
// one line high, the version whole, and counts photos as All photos does ("5 photos · 1
// archived"); the search box's placeholder fits its field; the viewer breaks a path after its
// "/"s, not inside a name; the sidebar's albums heading is "Albums", true of a hand-picked album;
// a library the engine cannot open (an S3 server gone) is said as such in the search box.
// Screenshots: test-results/screenshots/ui-polish-*.png.
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { COLOURS, writeColourPhoto } from '../helpers/images';
import { hasChromium, screenshot } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { waitForThumbnails } from './helpers/tiles';
import { eventually } from './helpers/ui-session';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

/** Where the photos sit under the library folder: a path long enough to wrap in the viewer. */
const NESTED = path.join('Phone', 'DCIM', 'Camera', 'Holidays');

type Rgb = [number, number, number];

/** "rgb(12, 34, 56)" or "rgba(…)" → its channels (alpha ignored: the buttons are opaque). */
function rgbOf(css: string): Rgb {
  const parts = css.match(/[\d.]+/g)?.map(Number) ?? [];
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
}

/** WCAG 2 relative luminance and contrast ratio. */
function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** HSL saturation and lightness, 0..1. */
function saturationLightness([r, g, b]: Rgb): { s: number; l: number; redness: number } {
  const [max, min] = [Math.max(r, g, b) / 255, Math.min(r, g, b) / 255];
  const l = (max + min) / 2;
  const s = max === min ? 0 : (max - min) / (1 - Math.abs(2 * l - 1));
  return { s, l, redness: r - Math.max(g, b) };
}

/** A button's text and background colours and its opacity, as the browser paints them. */
function paint(button: Locator) {
  return button.evaluate((el) => {
    const style = getComputedStyle(el);
    return { color: style.color, background: style.backgroundColor, opacity: Number(style.opacity) };
  });
}

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  // What the theme toggle does (useTheme.ts); the page need not reload.
  await page.evaluate((choice) => {
    document.documentElement.dataset['theme'] = choice;
  }, theme);
}

describe.skipIf(!hasChromium)('UI polish at a 900 px window', () => {
  const lib = useLibrarySession(
    'ui-polish',
    async (photos) => {
      const dir = path.join(photos, NESTED);
      fs.mkdirSync(dir, { recursive: true });
      for (const name of ['red', 'green', 'blue', 'yellow', 'purple']) await writeColourPhoto(dir, `IMG_2024_${name}.jpg`, COLOURS[name] ?? [128, 128, 128]);
      // An exact copy: the duplicates review offers to move it to the trash.
      fs.copyFileSync(path.join(dir, 'IMG_2024_red.jpg'), path.join(dir, 'IMG_2024_red_copy.jpg'));
    },
    { viewport: { width: 900, height: 800 } },
  );
  const page = () => lib.page;
  const sidebar = () => page().getByRole('navigation', { name: 'Library' });
  const statusBar = () => page().locator('footer.status-bar');
  const viewer = () => page().getByRole('dialog', { name: /^Photo viewer/ });

  // A test that failed with the viewer open must not take the next ones down with it.
  afterEach(async () => {
    if (await viewer().count()) await page().keyboard.press('Escape');
  });

  it('opens the library', async () => {
    await page().goto(lib.serve.url);
    await eventually(() => page().locator('.tile__open').count(), 60_000).toBe(6);
    await waitForThumbnails(page());
  });

  it('counts photos in the status bar as All photos does, and says how many are archived', async () => {
    const allPhotos = () => sidebar().getByRole('button', { name: /^All photos/ }).innerText();
    await eventually(() => statusBar().innerText(), 30_000).toMatch(/^6 photos\s/);
    const { photos } = (await lib.serve.call('timeline', {})) as { photos: { id: string; path: string }[] };
    const blue = photos.find((p) => p.path.endsWith('IMG_2024_blue.jpg'));
    if (!blue) throw new Error('no blue photo in the timeline');
    await lib.serve.call('setArchived', [blue.id], true);
    await eventually(allPhotos, 30_000).toMatch(/^All photos\s+5$/);
    // The library still holds 6 (status.photos counts the archive in): the bar says what the user sees.
    await eventually(() => statusBar().locator('span').first().innerText(), 30_000).toBe('5 photos · 1 archived');
    await lib.serve.call('setArchived', [blue.id], false);
    await eventually(() => statusBar().locator('span').first().innerText(), 30_000).toBe('6 photos');
    await eventually(allPhotos, 30_000).toMatch(/^All photos\s+6$/);
  });

  it('keeps the status bar to one line, the version whole, down to a narrow window', async () => {
    for (const width of [900, 560]) {
      await page().setViewportSize({ width, height: 800 });
      await eventually(() => statusBar().innerText()).toMatch(/Shoebox \d+\.\d+\.\d+/);
      const lines = await statusBar().evaluate((bar) => {
        const style = getComputedStyle(bar);
        const line = parseFloat(style.lineHeight);
        const content = bar.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        return Math.round(content / line);
      });
      expect(lines, `status bar lines at ${width} px`).toBe(1);
      const version = statusBar().getByText(/^Shoebox \d/);
      const fits = await version.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const bar = el.parentElement!.getBoundingClientRect();
        return el.scrollWidth <= el.clientWidth && box.right <= bar.right && box.width > 0;
      });
      expect(fits, `the version shows whole at ${width} px`).toBe(true);
      // What is cut first is where inference runs: the model and "Watching" only once it is gone.
      const cut = await statusBar()
        .locator('span')
        .evaluateAll((spans) => spans.map((el) => ({ text: el.textContent ?? '', cut: el.scrollWidth > el.clientWidth, width: el.clientWidth })));
      const provider = cut.find((span) => span.text.startsWith('Running on'));
      expect(provider, 'the provider is in the status bar').toBeDefined();
      if (cut.some((span) => span.cut && span !== provider)) expect(provider?.width, `cut before the provider is gone: ${JSON.stringify(cut)}`).toBe(0);
      expect(cut.filter((span) => span.cut && !/^(Running on|Model|Watching)/.test(span.text))).toEqual([]);
      await screenshot(page(), `ui-polish-status-${width}`);
    }
    await page().setViewportSize({ width: 900, height: 800 });
  });

  it("fits the search box's placeholder in its field, shortened only where it must be", async () => {
    const search = page().getByRole('searchbox');
    /** The placeholder and whether it fits in the field's text area. */
    const placeholderFits = () =>
      search.evaluate((input: HTMLInputElement) => {
        const style = getComputedStyle(input);
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = style.font;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return { text: input.placeholder, fits: context.measureText(input.placeholder).width <= room };
      });
    await eventually(placeholderFits).toEqual({ text: expect.stringMatching(/^Describe a photo…/), fits: true });
    await page().getByRole('button', { name: 'Text in photo' }).click();
    await eventually(placeholderFits).toEqual({ text: expect.stringMatching(/^Text/), fits: true });
    await page().getByRole('button', { name: 'Text in photo' }).click();
    // Wide enough, the whole hint shows.
    await page().setViewportSize({ width: 1280, height: 800 });
    await eventually(placeholderFits).toEqual({ text: 'Describe a photo… (press / to search)', fits: true });
    await page().setViewportSize({ width: 900, height: 800 });
    await eventually(placeholderFits).toEqual({ text: expect.stringMatching(/^Describe a photo…/), fits: true });
  });

  it('breaks the viewer\'s folder and path after a "/", not inside a name that fits on a line', async () => {
    await page().locator('.tile__open').first().click();
    const pathRow = viewer().locator('.metadata__row', { has: page().getByText('Path', { exact: true }) }).locator('dd');
    await eventually(() => pathRow.innerText()).toContain(`${NESTED}/`);
    // The text copies as the path itself (the break opportunities add no characters).
    expect((await pathRow.evaluate((dd) => dd.textContent ?? '')).startsWith(lib.photos)).toBe(true);
    const breaks = await pathRow.evaluate((dd) => {
      const text = dd.textContent ?? '';
      // Where each line starts: the characters whose box sits lower than the one before.
      const range = document.createRange();
      const tops: number[] = [];
      const walker = document.createTreeWalker(dd, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < (node.textContent ?? '').length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          tops.push(range.getBoundingClientRect().top);
        }
      }
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = getComputedStyle(dd).font;
      const found: { after: string; name: string; nameWider: boolean }[] = [];
      for (let i = 1; i < text.length; i++) {
        if (tops[i]! <= tops[i - 1]! + 1) continue;
        // The name the break falls in (or after), and whether it alone is wider than the line.
        const start = text.lastIndexOf('/', i - 2) + 1;
        const end = text.indexOf('/', i);
        const name = text.slice(start, end === -1 ? text.length : end + 1);
        found.push({ after: text[i - 1]!, name, nameWider: context.measureText(name).width > dd.clientWidth });
      }
      return found;
    });
    await screenshot(page(), 'ui-polish-viewer-path');
    expect(breaks.length, 'the path wraps at 900 px').toBeGreaterThan(0);
    for (const b of breaks) if (b.after !== '/') expect(b.nameWider, `a break inside "${b.name}", which fits on a line`).toBe(true);
    await page().keyboard.press('Escape');
    await eventually(() => viewer().count()).toBe(0);
  });

  it('heads the albums in the sidebar "Albums", a hand-picked one included', async () => {
    const { photos } = (await lib.serve.call('timeline', {})) as { photos: { id: string }[] };
    await lib.serve.call('saveAlbum', { name: 'Birds', query: '' });
    await lib.serve.call('setAlbumMembership', 'Birds', photos[0]?.id, 'pinned');
    // Made behind the page's back: a reload lists it (the page's own album saves say so themselves).
    await page().reload();
    const row = sidebar().locator('.album-row', { hasText: 'Birds' });
    await eventually(() => row.count(), 30_000).toBe(1);
    const heading = await row.evaluate((el) => el.closest('section')?.querySelector('h2')?.textContent ?? null);
    expect(heading).toBe('Albums');
    // The region's name begins with what its heading says.
    expect(await row.evaluate((el) => el.closest('section')?.getAttribute('aria-label') ?? '')).toMatch(/^Albums\b/);
  });

  it('paints a filled danger button as enabled in both themes, and a disabled one as disabled', async () => {
    await sidebar().getByRole('button', { name: /^Duplicates/ }).click();
    await page().getByRole('button', { name: 'Find duplicates' }).click();
    const trash = page().locator('button:not([data-twin])', { hasText: /^Move [\d,]+ photos? to trash$/ });
    await eventually(() => trash.isEnabled(), 60_000).toBe(true);
    // A disabled one beside it, in the same place of the page (the review disables it while busy).
    await trash.evaluate((el) => {
      const twin = el.cloneNode(true) as HTMLButtonElement;
      twin.disabled = true;
      twin.dataset['twin'] = 'disabled';
      twin.removeAttribute('id');
      el.after(twin);
    });
    const disabled = page().locator('[data-twin="disabled"]');
    try {
      for (const theme of ['light', 'dark'] as const) {
        await setTheme(page(), theme);
        const on = await paint(trash);
        const [text, fill] = [rgbOf(on.color), rgbOf(on.background)];
        expect(contrast(text, fill), `${theme}: the enabled button's text contrast (${on.color} on ${on.background})`).toBeGreaterThanOrEqual(4.5);
        expect(on.opacity).toBe(1);
        // A strong red, not a pale tint (which reads as disabled).
        const { s, l, redness } = saturationLightness(fill);
        expect({ theme, saturated: s >= 0.5, dark: l <= 0.5, red: redness >= 100 }).toEqual({ theme, saturated: true, dark: true, red: true });
        const off = await paint(disabled);
        // Disabled: no red left, and dimmed like every disabled button.
        expect(saturationLightness(rgbOf(off.background)).s, `${theme}: the disabled button's fill ${off.background}`).toBeLessThan(0.2);
        expect(saturationLightness(rgbOf(off.color)).s, `${theme}: the disabled button's text ${off.color}`).toBeLessThan(0.2);
        expect(off.opacity).toBeLessThan(1);
        await screenshot(page(), `ui-polish-danger-${theme}`);
      }
    } finally {
      await disabled.evaluate((el) => el.remove());
      await setTheme(page(), 'light');
    }
  });

  it('says the library is out of reach, not that a model is missing, when the engine cannot open it', async () => {
    // The library's status answered with the engine's error (an S3 server gone, say).
    await page().routeWebSocket(/\/ws$/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        const request = typeof message === 'string' ? (JSON.parse(message) as { id: number; method: string }) : null;
        if (request?.method === 'status') ws.send(JSON.stringify({ id: request.id, error: { name: 'Error', message: 'lost the connection to s3://family/photos: what was committed is kept; trying again resumes from there' } }));
        else server.send(message);
      });
    });
    try {
      await page().goto(lib.serve.url);
      await eventually(() => page().getByText(/lost the connection to s3:\/\/family\/photos/).first().isVisible(), 30_000).toBe(true);
      await eventually(() => page().getByRole('searchbox').getAttribute('placeholder')).toBe('The library cannot be opened: see the message below');
    } finally {
      await page().unrouteAll();
    }
  });
});
