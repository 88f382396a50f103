// `shoebox serve`'s transport: LibraryApi over a WebSocket to the page's own origin (the
// access-token cookie rides along with the handshake), images from /thumb and /image.
// A dropped connection fails the calls in flight and is retried with a growing pause.
import { RpcClient, libraryApiOverRpc, type RpcRequest } from '../../shared/rpc';
import type { ConnectionState, ShoeboxClient } from './client';

const MAX_RETRY_MS = 10_000;

export function webSocketClient(location: Location): ShoeboxClient {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
  const listeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let socket: WebSocket | null = null;
  let waiting: RpcRequest[] = [];
  let retryMs = 500;

  const setState = (next: ConnectionState) => {
    state = next;
    for (const listener of listeners) listener(next);
  };

  const rpc = new RpcClient((request) => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(request));
    else waiting.push(request);
  });

  const connect = () => {
    const ws = new WebSocket(url);
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
      const lost = new Error('Lost the connection to shoebox serve.');
      rpc.failAll(lost);
      waiting = [];
      setState('lost');
      setTimeout(connect, retryMs);
      retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
    };
  };
  connect();

  return {
    ...libraryApiOverRpc(rpc),
    transport: 'websocket',
    imageUrl: (id, kind) => `/${kind}/${encodeURIComponent(id)}`,
    onConnectionChange(listener) {
      listeners.add(listener);
      listener(state);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
