import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/theme.css';
import { App } from './app/App';
import { report } from './data/notices';
import { startHashSync } from './features/url-state/hash-sync';
import { useAtlasStore } from './state/store';
import { installTokens } from './ui/tokens';

// The app runs: the page's fallback (boot.js) stays hidden, or is replaced by a notice where a sandbox still limits us.
document.documentElement.setAttribute('data-atlas-started', '1');
document.getElementById('boot-fallback')?.remove();
// An opaque origin in a frame is a sandbox without allow-same-origin; a page opened from disk (the meeting-room
// file) has an opaque origin too, and is fine.
if (window.origin === 'null' && window.location.protocol !== 'file:') report({ type: 'sandboxed' }, { level: 'warning' });
installTokens();
// The link's state is in the store before the first render, so the map starts where the link says.
startHashSync(useAtlasStore);

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
