import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ClientContext } from './client/ClientContext';
import { connectClient } from './client/connect';
import { SessionStateProvider } from './hooks/useSessionState';
import './styles/theme.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/sidebar.css';
import './styles/grid.css';
import './styles/viewer.css';
import './styles/zoom.css';
import './styles/video.css';
import './styles/albums.css';
import './styles/dupes.css';
import './styles/tags.css';
import './styles/settings.css';
import './styles/browse.css';
import './styles/favourites.css';
import './styles/archive.css';
import './styles/places.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html is missing its #root element.');

// The transport is chosen once: IPC inside the desktop app, WebSocket under `shoebox serve`.
const client = connectClient();

createRoot(container).render(
  <StrictMode>
    <ClientContext.Provider value={client}>
      <SessionStateProvider>
        <App />
      </SessionStateProvider>
    </ClientContext.Provider>
  </StrictMode>,
);
