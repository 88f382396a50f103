// The desktop app's transport: window.shoebox (the preload's LibraryApi over IPC), images
// from the app's own scheme, which main answers for library photos only.
import type { LibraryApi } from '../../shared/api';
import type { ShoeboxClient } from './client';

export function ipcClient(api: LibraryApi): ShoeboxClient {
  // Spread copies the bridged functions: the object contextBridge hands over is frozen.
  return {
    ...api,
    transport: 'ipc',
    imageUrl: (id, kind) => `shoebox://app/${kind}/${encodeURIComponent(id)}`,
    onConnectionChange: (listener) => {
      listener('open');
      return () => {};
    },
  };
}
