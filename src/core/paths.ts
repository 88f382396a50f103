// The app data folder's layout (DESIGN.md "Data").
import path from 'node:path';

export interface HomePaths {
  home: string;
  /** LanceDB database. */
  library: string;
  /** Content-addressed thumbnails. */
  thumbs: string;
  /** Installed models, one folder each. */
  models: string;
  settings: string;
  /** Derived data worth keeping between runs and safe to delete (label text embeddings). */
  cache: string;
}

export function homePaths(home: string): HomePaths {
  return {
    home,
    library: path.join(home, 'library'),
    thumbs: path.join(home, 'thumbs'),
    models: path.join(home, 'models'),
    settings: path.join(home, 'settings.json'),
    cache: path.join(home, 'cache'),
  };
}
