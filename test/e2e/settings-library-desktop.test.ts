// Settings → Library in the desktop app (issue #13 item 1), in Chromium: the page is the built
// UI served by `shoebox serve`, and window.shoebox plays the Electron preload. Its LibraryApi
// calls go to the server's POST /api; library()/setLibrary(), which Electron main answers, are
// answered here the way main does (src/main/library-ipc.ts): the location is checked with the
// core's checkLibraryLocation against the real S3 gateway before it is kept, and a refusal
// reaches the page as Electron delivers it ("Error invoking remote method '…': Error: …").
// The user fills the S3 form, a bucket that does not exist is refused in one line, the real
// bucket is opened, and the keys typed are never shown back. "Copy this library there first"
// sends `copy: true`, and main's copy (the core's copyLibraryNow, here run by a library host
// opened in the test on a library indexed for it: serve's own holds its writer lock) is
// awaited before the page says the library was copied and opened; a copy refused (the folder
// holds something) shows its one line and keeps the choice. Screenshots:
// test-results/screenshots/settings-library-desktop-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { checkLibraryLocation, createLibraryApi, type LibraryHost } from '../../src/core/index';
import { INVOKABLE_METHODS } from '../../src/shared/api-methods';
import { libraryChoiceUri, type LibraryChoiceInput, type LibraryChoiceView } from '../../src/shared/library-choice';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { s3Gateway, s3Prefix } from '../helpers/s3-gateway';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { hasChromium, screenshot } from './helpers/browser';
import { eventually, openUiSession, type UiSession } from './helpers/ui-session';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const s3 = hasChromium ? await s3Gateway() : null;
const SET_LIBRARY_CHANNEL = 'shoebox-desktop:setLibrary';

describe.skipIf(!hasChromium || !s3)('Settings → Library in the desktop app', () => {
  let session: UiSession;
  let page: Page;
  let errors: string[];
  let home: string;
  /** What main was asked to save, in order (keys included: they go page -> main once). */
  const calls: LibraryChoiceInput[] = [];
  let view: LibraryChoiceView = { choice: { kind: 'default' }, uri: null, hasKeys: false, canStoreKeys: true };
  const prefix = s3Prefix('settings-library');
  /** Plays the engine's side of main's copy: a library with photos, opened in this process. */
  let copier: LibraryHost;
  /** How long main takes to answer library(): a slow answer shows what the page has meanwhile. */
  let libraryDelayMs = 0;

  beforeAll(async () => {
    home = tempDir('shoebox-e2e-settings-library-');
    session = await openUiSession(['--home', home, '--provider', 'cpu', 'serve', ...MODEL]);
    const photos = tempDir('shoebox-e2e-settings-library-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    copier = await createLibraryApi({ home: tempDir('shoebox-e2e-settings-library-copier-'), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false });
    await copier.indexNow([photos]);
    ({ page, errors } = session);
    // Electron main's side of setLibrary: check the location (the real S3 server), then keep it.
    await page.exposeFunction('mainSetLibrary', async (input: LibraryChoiceInput) => {
      calls.push(structuredClone(input)); // the AWS SDK marks the credentials object it is given
      const uri = libraryChoiceUri(input.choice);
      const c = input.choice;
      const overrides = c.kind === 's3' ? { ...(c.endpoint ? { endpoint: c.endpoint } : {}), ...(c.region ? { region: c.region } : {}), ...(input.keys ? { credentials: input.keys } : {}) } : {};
      await checkLibraryLocation(uri ?? undefined, { defaultDir: home, s3: overrides, env: {} });
      if (input.copy) await copier.copyLibraryNow(uri!, { s3: overrides });
      view = { choice: input.choice, uri, hasKeys: input.keys ? true : input.keys === null ? false : view.hasKeys, canStoreKeys: true };
      return view;
    });
    await page.exposeFunction('mainLibrary', async () => {
      await new Promise((resolve) => setTimeout(resolve, libraryDelayMs));
      return view;
    });
    await page.addInitScript(
      ({ methods, token, channel }) => {
        const call = async (method: string, args: unknown[]) => {
          const res = await fetch(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(args) });
          const body = (await res.json()) as { result?: unknown; error?: { message: string } };
          if (body.error) throw new Error(body.error.message);
          return body.result;
        };
        const w = window as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
        // A plain object, as contextBridge hands over (the client spreads it).
        const api: Record<string, unknown> = Object.fromEntries(methods.map((m) => [m, (...args: unknown[]) => call(m, args)]));
        api['subscribe'] = () => () => {};
        api['library'] = () => w['mainLibrary']!();
        api['setLibrary'] = async (input: unknown) => {
          try {
            return await w['mainSetLibrary']!(input);
          } catch (error) {
            // How ipcRenderer.invoke rejects when main's handler throws.
            const message = error instanceof Error ? error.message : String(error);
            throw new Error(`Error invoking remote method '${channel}': Error: ${message}`, { cause: error });
          }
        };
        (window as unknown as { shoebox: unknown }).shoebox = api;
      },
      { methods: [...INVOKABLE_METHODS], token: session.serve.token, channel: SET_LIBRARY_CHANNEL },
    );
  }, 300_000);

  afterAll(async () => {
    await session?.close();
    await copier?.close();
  });

  async function openLibrarySettings() {
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await eventually(() => settings.getByRole('heading', { name: 'Library' }).isVisible()).toBe(true);
    await settings.getByRole('heading', { name: 'Library' }).scrollIntoViewIfNeeded();
    return settings;
  }

  it('a bucket that does not exist is refused in one line, the choice not kept', async () => {
    await page.goto(session.serve.url);
    await eventually(() => page.getByRole('heading', { name: 'Add a folder to start' }).isVisible(), 60_000).toBe(true);
    const settings = await openLibrarySettings();
    await settings.getByText('S3 bucket', { exact: true }).click();
    expect(await settings.getByRole('radio', { name: 'S3 bucket' }).isChecked()).toBe(true);
    await settings.getByLabel('Bucket', { exact: true }).fill('no-such-bucket-shoebox');
    await settings.getByLabel('Prefix', { exact: true }).fill(prefix);
    await settings.getByLabel('Endpoint', { exact: true }).fill(s3!.endpoint);
    await settings.getByLabel('Region', { exact: true }).fill(s3!.region);
    await settings.getByLabel('Access key id', { exact: true }).fill(s3!.accessKey);
    await settings.getByLabel('Secret access key', { exact: true }).fill(s3!.secretKey);
    await settings.getByRole('button', { name: 'Save and open' }).click();

    const alert = settings.getByRole('alert');
    await eventually(() => alert.isVisible(), 30_000).toBe(true);
    const text = await alert.innerText();
    expect(text.split('\n')).toHaveLength(1);
    expect(text).toMatch(/^bucket not found: no-such-bucket-shoebox /);
    expect(text).not.toContain(s3!.secretKey);
    expect(calls).toEqual([{ choice: { kind: 's3', bucket: 'no-such-bucket-shoebox', prefix, endpoint: s3!.endpoint, region: s3!.region }, keys: { accessKeyId: s3!.accessKey, secretAccessKey: s3!.secretKey } }]);
    expect(view.choice).toEqual({ kind: 'default' });
    await screenshot(page, 'settings-library-desktop-1-refused');
  });

  it('the real bucket opens; the keys typed are never shown back', async () => {
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByLabel('Bucket', { exact: true }).fill(s3!.bucket);
    libraryDelayMs = 5000;
    await settings.getByRole('button', { name: 'Save and open' }).click();
    const uri = `s3://${s3!.bucket}/${prefix}`;
    await eventually(() => settings.getByText(`Opened ${uri}.`).isVisible(), 30_000).toBe(true);
    // Saved, the form shows the bucket at once, not the choice before while library() answers
    // again (Save would then have gone back to it).
    expect(await settings.getByRole('radio', { name: 'S3 bucket' }).isChecked()).toBe(true);
    expect(await settings.getByLabel('Bucket', { exact: true }).count()).toBe(1);
    libraryDelayMs = 0;
    expect(await settings.getByRole('alert').count()).toBe(0);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual({ choice: { kind: 's3', bucket: s3!.bucket, prefix, endpoint: s3!.endpoint, region: s3!.region }, keys: { accessKeyId: s3!.accessKey, secretAccessKey: s3!.secretKey } });

    // The form shows the saved location, and the key fields empty with "stored".
    await eventually(() => settings.getByLabel('Bucket', { exact: true }).inputValue()).toBe(s3!.bucket);
    expect(await settings.getByLabel('Endpoint', { exact: true }).inputValue()).toBe(s3!.endpoint);
    expect(await settings.getByLabel('Access key id', { exact: true }).inputValue()).toBe('');
    expect(await settings.getByLabel('Secret access key', { exact: true }).inputValue()).toBe('');
    expect(await settings.getByLabel('Access key id', { exact: true }).getAttribute('placeholder')).toBe('stored (type to replace)');
    await screenshot(page, 'settings-library-desktop-2-saved');
    // Another bucket gets none of them: the fields say where keys come from then, and why.
    const bucket = settings.getByLabel('Bucket', { exact: true });
    await bucket.fill(`${s3!.bucket}-other`);
    expect(await settings.getByLabel('Access key id', { exact: true }).getAttribute('placeholder')).toBe('from ~/.aws or AWS_* if empty');
    expect(await settings.getByText(`The stored keys are for ${uri} at ${s3!.endpoint} only`, { exact: false }).isVisible()).toBe(true);
    expect(await settings.getByText('Forget the stored keys').count()).toBe(0);
    await bucket.fill(s3!.bucket);
    expect(await settings.getByLabel('Access key id', { exact: true }).getAttribute('placeholder')).toBe('stored (type to replace)');
    await settings.getByText(`Opened ${uri}.`).scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-library-desktop-3-opened');

    // Nowhere on the page, closed and opened again either.
    await page.keyboard.press('Escape');
    await eventually(() => settings.count()).toBe(0);
    const again = await openLibrarySettings();
    await eventually(() => again.getByLabel('Bucket', { exact: true }).inputValue()).toBe(s3!.bucket);
    const values = await page.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    const html = await page.content();
    for (const secret of [s3!.accessKey, s3!.secretKey]) {
      expect(values).not.toContain(secret);
      expect(html).not.toContain(secret);
    }
    await page.keyboard.press('Escape');
  });

  it('copies the library to a folder first when asked; a copy refused keeps the choice', async () => {
    const settings = await openLibrarySettings();
    await settings.getByText('A folder', { exact: true }).click();
    // A folder that holds something: the copy is refused in one line, nothing is saved.
    const busy = tempDir('shoebox-e2e-settings-library-busy-');
    fs.writeFileSync(path.join(busy, 'notes.txt'), 'mine');
    await settings.getByLabel('Library folder', { exact: true }).fill(busy);
    await settings.getByText('Copy this library there first', { exact: false }).click();
    await settings.getByRole('button', { name: 'Copy and open' }).click();
    const alert = settings.getByRole('alert');
    await eventually(() => alert.isVisible(), 60_000).toBe(true);
    const text = await alert.innerText();
    expect(text.split('\n')).toHaveLength(1);
    expect(text).toMatch(/is not empty .*a copy never writes into another library/);
    expect(calls.at(-1)).toEqual({ choice: { kind: 'local', folder: busy }, copy: true });
    expect(view.choice.kind).toBe('s3');
    expect(fs.readdirSync(busy)).toEqual(['notes.txt']);

    const target = path.join(tempDir('shoebox-e2e-settings-library-nas-'), 'shoebox');
    await settings.getByLabel('Library folder', { exact: true }).fill(target);
    await settings.getByRole('button', { name: 'Copy and open' }).click();
    await eventually(() => settings.getByText(`Copied this library to ${target} and opened it.`).isVisible(), 60_000).toBe(true);
    expect(calls.at(-1)).toEqual({ choice: { kind: 'local', folder: target }, copy: true });
    expect(view.choice).toEqual({ kind: 'local', folder: target });
    expect(fs.readdirSync(target).some((name) => name.startsWith('photos__') && name.endsWith('.lance'))).toBe(true);
    await screenshot(page, 'settings-library-desktop-4-copied');
    await page.keyboard.press('Escape');
  });

  it('raised no console errors', () => {
    expect(errors).toEqual([]);
  });
});
