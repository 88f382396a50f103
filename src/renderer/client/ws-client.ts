// `shoebox serve`'s transport: LibraryApi over a WebSocket to the page's own origin (the
// access token offered as a subprotocol), images from /thumb and /image by per-image
// capability URLs (src/shared/serve-access.ts). Without a token (a bookmark of the address
// without ?token=) nothing is tried, since every handshake would be refused: the page's access
// is 'ended' from the start and the banner says to open the address serve printed.
// A dropped connection fails the calls in flight and is retried with a growing pause, unless
// the server answers that the page's token is no longer valid (401/403: `shoebox serve` was
// restarted and made a new one): then the page's access has ended, and nothing is retried.
// The calls in flight fail once that is known, with the reason that holds (ended or lost).
// (A browser's WebSocket does not tell why a handshake failed: a plain request asks.) That
// request is given ACCESS_CHECK_MS (3 s): a network that does not answer it counts as a lost
// connection, so the calls in flight fail within seconds, not whenever the request gives up.
import { RpcClient, libraryApiOverRpc, type RpcRequest } from '../../shared/rpc';
import { WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX, imagePath } from '../../shared/serve-access';
import type { ConnectionState, ImageKind, ShoeboxClient } from './client';

const MAX_RETRY_MS = 10_000;
/** How long the check of the token may take before the drop counts as the network's. */
const ACCESS_CHECK_MS = 3_000;

/** Whether the server at `origin` refuses `token` (401/403); false when it cannot be reached. */
export async function accessRefused(origin: string, token: string | null): Promise<boolean> {
  try {
    // Any path under /api/ is checked for the token before anything else (src/server/auth.ts).
    const response = await fetch(`${origin}/api/`, { headers: token ? { Authorization: `Bearer ${token}` } : {}, cache: 'no-store', signal: AbortSignal.timeout(ACCESS_CHECK_MS) });
    return response.status === 401 || response.status === 403;
  } catch {
    return false;
  }
}

export function webSocketClient(location: Pick<Location, 'protocol' | 'host'>, token: string | null): ShoeboxClient {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
  const origin = `${location.protocol}//${location.host}`;
  const listeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = token ? 'connecting' : 'ended';
  let socket: WebSocket | null = null;
  let waiting: RpcRequest[] = [];
  let retryMs = 500;

  const setState = (next: ConnectionState) => {
    state = next;
    for (const listener of listeners) listener(next);
  };

  const ended = new Error(
    token ? 'This page’s access to shoebox serve has ended: open the address it printed.' : 'This page has no access to shoebox serve: open the address it printed (it carries the access token).',
  );
  const rpc = new RpcClient((request) => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(request));
    // Nothing will carry it: the call fails (once it is registered) rather than wait forever.
    else if (state === 'ended') queueMicrotask(() => rpc.failAll(ended));
    else waiting.push(request);
  });

  const connect = () => {
    const ws = new WebSocket(url, token ? [WS_PROTOCOL, `${WS_TOKEN_PROTOCOL_PREFIX}${token}`] : [WS_PROTOCOL]);
    socket = ws;
    ws.onopen = () => {
      retryMs = 500;
      for (const request of waiting) ws.send(JSON.stringify(request));
      waiting = [];
      setState('open');
    };
    ws.onmessage = (message) => {
      if (typeof message.data !== 'string') return;
      try {
        rpc.receive(JSON.parse(message.data));
      } catch {
        // Not JSON: not ours.
      }
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      // Refused, the token is not valid any more: said once, and no more tries (each would be
      // refused the same way). Not reached (stopped, the network): tried again, as ever.
      void accessRefused(origin, token).then((refused) => {
        if (socket !== ws) return;
        if (refused) {
          socket = null;
          rpc.failAll(ended);
          waiting = [];
          setState('ended');
          return;
        }
        rpc.failAll(new Error('Lost the connection to shoebox serve.'));
        waiting = [];
        if (state !== 'lost') setState('lost');
        setTimeout(connect, retryMs);
        retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
      });
    };
  };
  if (token) connect();
  const imageUrls = new ImageUrlCache(token ?? '');

  return {
    ...libraryApiOverRpc(rpc),
    transport: 'websocket',
    imageUrl: (id, kind, rotation) => imageUrls.get(id, kind, rotation),
    onConnectionChange(listener) {
      listeners.add(listener);
      listener(state);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** Image URLs are minted while rendering (a grid of hundreds): each one once. */
class ImageUrlCache {
  private readonly urls = new Map<string, string>();

  constructor(private readonly token: string) {}

  get(id: string, kind: ImageKind, rotation?: number): string {
    const key = `${kind}/${id}/${rotation ?? 0}`;
    let url = this.urls.get(key);
    if (url === undefined) {
      if (this.urls.size >= 5000) this.urls.clear();
      // The rotation only tells the browser's cache this is another image (the server turns it by the library's rotation).
      url = imagePath(this.token, kind, id) + (rotation ? `&r=${rotation}` : '');
      this.urls.set(key, url);
    }
    return url;
  }
}
