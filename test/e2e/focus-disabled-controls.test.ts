// A control that disables itself while its action runs used to drop the keyboard focus to
// <body> (a keyboard user then starts again from the top of the page). Now the focus waits
// on its section and comes back to the control once it is enabled again: Settings' "Text in
// photos" switch (disabled while its write runs) and "Import captions and keywords"
// (disabled while the import runs), in the browser over `shoebox serve`.
import { describe, expect, it } from 'vitest';
import { COLOURS, writeColourPhoto } from '../helpers/images';
import { hasChromium } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { eventually } from './helpers/ui-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('focus when a control disables itself', () => {
  const lib = useLibrarySession('focus-disabled', async (photos) => {
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  });
  const page = () => lib.page;
  const settings = () => lib.page.getByRole('dialog', { name: 'Settings' });
  /** The focused element: a control's label or text, a section's heading, BODY when it fell to the page. */
  const focused = () =>
    lib.page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'BODY';
      if (el.tagName === 'SECTION') return `section: ${el.querySelector('h3')?.textContent ?? ''}`;
      return el.getAttribute('aria-label') ?? ((el as HTMLElement).innerText.trim() || (el.closest('label') as HTMLElement | null)?.innerText.trim() || el.tagName);
    });
  /** Where the focus was each frame for `ms`, by `focused`'s names, in order, repeats left out. */
  const focusWalk = (ms: number) =>
    lib.page.evaluate(
      (ms) =>
        new Promise<string[]>((resolve) => {
          const seen: string[] = [];
          const until = performance.now() + ms;
          const tick = () => {
            const el = document.activeElement;
            const name = !el || el === document.body ? 'BODY' : el.tagName;
            if (seen.at(-1) !== name) seen.push(name);
            if (performance.now() < until) requestAnimationFrame(tick);
            else resolve(seen);
          };
          requestAnimationFrame(tick);
        }),
      ms,
    );

  it('"Text in photos" keeps the focus while its write runs', async () => {
    await page().goto(lib.serve.url);
    await eventually(async () => (await tileNames(page())).length, 60_000).toBe(Object.keys(COLOURS).length);
    await page().keyboard.press(',');
    await eventually(() => settings().isVisible()).toBe(true);
    const toggle = settings().getByRole('checkbox', { name: /Read the text in photos/ });
    await toggle.focus();
    await page().keyboard.press('Space');
    await eventually(() => toggle.isChecked()).toBe(true);
    // Back on the switch once it can be used again: never left on the page's body.
    await eventually(focused).toMatch(/^Read the text in photos/);
    await page().keyboard.press('Space');
    const walk = focusWalk(1500);
    await eventually(() => toggle.isChecked()).toBe(false);
    // Parked on its section while the write runs (the reading job's first step, loading the OCR
    // models, ends first: longer on a slow machine), or back on the switch: never on the body.
    const seen = await walk;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).not.toBe('BODY');
    await eventually(focused).toMatch(/^Read the text in photos/);
  });

  it('"Import captions and keywords" keeps the focus on its section while it runs, then on itself', async () => {
    const start = settings().getByRole('button', { name: 'Import captions and keywords' });
    await start.focus();
    const walk = focusWalk(3000);
    await page().keyboard.press('Enter');
    // It disabled itself ("Importing…"): the focus did not stay on the page's body.
    const seen = await walk;
    expect(seen.at(-1)).not.toBe('BODY');
    await eventually(() => start.isEnabled(), 60_000).toBe(true);
    await eventually(focused).toBe('Import captions and keywords');
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
