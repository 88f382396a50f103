// Chooses the transport once, at start: the preload's window.shoebox inside the desktop
// app, else the WebSocket of the `shoebox serve` page this was loaded from.
import type { ShoeboxClient } from './client';
import { ipcClient } from './ipc-client';
import { webSocketClient } from './ws-client';

export function connectClient(): ShoeboxClient {
  if (window.shoebox) return ipcClient(window.shoebox);
  if (location.protocol === 'http:' || location.protocol === 'https:') return webSocketClient(location);
  throw new Error('Shoebox cannot reach its library: no transport is available in this window.');
}
