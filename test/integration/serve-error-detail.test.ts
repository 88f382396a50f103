// A search with a tag no label set has, under `shoebox serve`: the page's own WebSocket client
// (src/renderer/client/ws-client.ts) gets the core's refusal with what it is (code
// 'unknown-tag' and the label), so the filter bar says it in the app's words by that code; a
// script's POST /api/search reads the same detail as plain JSON, and no stack.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { LibraryHost } from '../../src/core/api/library-api';
import { photosWithTag } from '../../src/core/search/tag-filter';
import { webSocketClient } from '../../src/renderer/client/ws-client';
import type { ShoeboxClient } from '../../src/renderer/client/client';
import { searchErrorText } from '../../src/renderer/lib/filters';
import { startServer, type RunningServer } from '../../src/server/server';
import { fakeLibrary, wordVectors } from '../helpers/fakes/fake-library';
import { tempDir } from '../helpers/images';

const APP_LINE = 'No label set has the tag “mauve” (any more): choose another tag.';

let server: RunningServer;
let client: ShoeboxClient;
const hadWebSocket = 'WebSocket' in globalThis;
const previousWebSocket = (globalThis as { WebSocket?: unknown }).WebSocket;

beforeAll(async () => {
  const lib = fakeLibrary(wordVectors({ red: [1, 0, 0] }, 3));
  await lib.store.putLabelSet({ name: 'colours', json: JSON.stringify({ name: 'colours', labels: ['Red', 'Blue'] }), updatedAt: 0 });
  const host = {
    home: '/data',
    // The core's own refusal of a tag filter naming no label of any set.
    search: async (_query: string, options?: { filters?: { tag?: string } }) => photosWithTag(lib, options?.filters?.tag ?? ''),
    subscribe: () => () => {},
  } as unknown as LibraryHost;
  const ui = tempDir('shoebox-ui-');
  fs.writeFileSync(path.join(ui, 'index.html'), '<!doctype html><title>Shoebox</title>');
  server = await startServer({ api: host, rendererDir: ui });
  // The page's client as a browser runs it: the browser's WebSocket is `ws` here.
  (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
  client = webSocketClient({ protocol: 'http:', host: `127.0.0.1:${server.port}` }, server.token);
});

afterAll(async () => {
  if (hadWebSocket) (globalThis as { WebSocket?: unknown }).WebSocket = previousWebSocket;
  else delete (globalThis as { WebSocket?: unknown }).WebSocket;
  await server?.close();
});

describe('an unknown tag under shoebox serve', () => {
  it('reaches the page with its code, and the filter bar says it in the app’s words', async () => {
    const error = await client.search('red', { filters: { tag: 'mauve' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'QueryError', detail: { code: 'unknown-tag', label: 'mauve' } });
    expect(searchErrorText(error)).toBe(APP_LINE);
  });

  it('a script’s POST /api/search reads the detail as plain JSON, without a stack', async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/api/search`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(['red', { filters: { tag: 'mauve' } }]),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error).toEqual({ name: 'QueryError', message: '--tag mauve: no label set has the label "mauve" (shoebox labels list)', detail: { code: 'unknown-tag', label: 'mauve' } });
  });
});
