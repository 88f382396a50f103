// The desktop app's transport: window.shoebox (the preload's LibraryApi over IPC), images
// from the app's own scheme, which main answers for library photos only.
import type { ShoeboxClient } from './client';
import type { DesktopBridge } from '../shoebox';
import { withUnwrappedErrors } from './ipc-errors';

export function ipcClient(api: DesktopBridge): ShoeboxClient {
  // Spread copies the bridged functions: the object contextBridge hands over is frozen.
  return {
    ...withUnwrappedErrors(api),
    transport: 'ipc',
    imageUrl: (id, kind, rotation) => `shoebox://app/${kind}/${encodeURIComponent(id)}${rotation ? `?r=${rotation}` : ''}`,
    onConnectionChange: (listener) => {
      listener('open');
      return () => {};
    },
  };
}
