// The Places map's countries (Natural Earth through world-atlas: TopoJSON, public domain),
// bundled with the app so nothing is fetched from anywhere. The 1:110m atlas (108 kB) comes
// with the page and draws the world; the 1:50m one (740 kB), for crisper coasts once zoomed
// in, is a chunk of its own loaded the first time it is wanted, then kept for the session.
import { useEffect, useState } from 'react';
import countries110m from 'world-atlas/countries-110m.json';
import type { Topology } from '../lib/place-map';

export type AtlasResolution = '110m' | '50m';

export interface WorldAtlas {
  topology: Topology;
  resolution: AtlasResolution;
}

const COARSE: WorldAtlas = { topology: countries110m as unknown as Topology, resolution: '110m' };

let detailed: WorldAtlas | null = null;
let loading: Promise<WorldAtlas> | null = null;

function loadDetailed(): Promise<WorldAtlas> {
  loading ??= import('world-atlas/countries-50m.json').then(
    (module) => (detailed = { topology: module.default as unknown as Topology, resolution: '50m' }),
    (error: unknown) => {
      // Try again next time it is wanted (meanwhile the coarse atlas still draws the map).
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The atlas to draw: the one wanted once it is here, the 1:110m one meanwhile. */
export function useWorldAtlas(wanted: AtlasResolution): WorldAtlas {
  const [fine, setFine] = useState<WorldAtlas | null>(detailed);
  useEffect(() => {
    if (wanted !== '50m' || fine) return;
    let live = true;
    loadDetailed().then(
      (atlas) => live && setFine(atlas),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [wanted, fine]);
  return wanted === '50m' && fine ? fine : COARSE;
}
