// When `shoebox serve`'s page loses its connection, it asks the server whether its token was
// refused before failing the calls in flight (ws-client.ts). On a network that does not answer
// that question either (Wi-Fi gone, a laptop's lid closed on the server), the calls must still
// fail within seconds as "lost" (the screen shows its error and the banner), not hang until the
// browser gives the request up, and the page keeps trying to reconnect.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { webSocketClient } from '../../../src/renderer/client/ws-client';

class FakeSocket {
  static readonly OPEN = 1;
  static made: FakeSocket[] = [];
  readyState = 0; // CONNECTING: never opens
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor() {
    FakeSocket.made.push(this);
  }
  send(): void {}
}

/** A fetch that is never answered: it settles only when its signal aborts it. */
function unansweredFetch(_url: string, init?: { signal?: AbortSignal }): Promise<never> {
  return new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeSocket.made = [];
});

describe('a dropped serve connection whose access check is not answered', () => {
  it('fails the calls in flight as a lost connection within seconds, and tries again', async () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.stubGlobal('fetch', vi.fn(unansweredFetch));
    const client = webSocketClient({ protocol: 'http:', host: 'nas.local:7777' }, 'token');
    const states: string[] = [];
    client.onConnectionChange((s) => states.push(s));
    const started = Date.now();
    const call = client.status();
    FakeSocket.made[0]!.onclose!();
    await expect(call).rejects.toThrow('Lost the connection to shoebox serve.');
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(states).toContain('lost');
    expect(states).not.toContain('ended');
    await vi.waitFor(() => expect(FakeSocket.made.length).toBeGreaterThan(1), { timeout: 5_000 });
  }, 15_000);
});
