// Sidebar section: smart and hand-picked albums with their member counts (which follow indexing, so they
// reload when photos change), each leading to its album view, and "+ New" to the editor. Headed
// "Albums": a hand-picked album is no smart album, and both kinds are listed here together.
import { useClient } from '../../client/ClientContext';
import { useAsync } from '../../hooks/useAsync';
import { useViewingOnly } from '../../hooks/useViewingOnly';
import { albumRowTitle } from './album-row-title';
import type { ScreenProps } from '../../lib/screen';
import { useAlbumsVersion } from './albums-changed';
import { useTagsVersion } from '../tags/useTagsVersion';

export function AlbumsSection({ screen, navigate, library }: ScreenProps) {
  const client = useClient();
  const version = useAlbumsVersion();
  // Albums are opened while the library is only viewed (another process writes it), not made.
  const viewingOnly = useViewingOnly();
  // The editor's preview saves scratch albums for a moment (album-preview.ts): never list them.
  // A label set edited or removed (a tag filter's label gone, or back) changes albums' counts
  // and whether they are broken: the list is read again then too (useTagsVersion).
  const tagsVersion = useTagsVersion();
  const [state] = useAsync(async () => client.listAlbums(), [client, version, library.photosVersion, tagsVersion]);
  const selected = screen.kind === 'album' || screen.kind === 'album-editor' ? screen.name : undefined;
  const creating = screen.kind === 'album-editor' && screen.name === null;
  return (
    <section className="albums-section" aria-label="Albums">
      <div className="sidebar__section">
        <h2 title="Smart albums (saved searches) and hand-picked albums">Albums</h2>
        {!viewingOnly && (
          // Named for what it makes: the Label sets section has a "+ New" too, and a list of the page's buttons must tell them apart.
          <button type="button" className="link-button" aria-label="New album" aria-pressed={creating} onClick={() => navigate({ kind: 'album-editor', name: null })}>
            + New
          </button>
        )}
      </div>
      {state.status === 'error' && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && state.value.length === 0 && <p className="sidebar__foot muted small">{viewingOnly ? 'No albums yet.' : 'Save a search as an album that keeps itself up to date: “+ New”.'}</p>}
      {state.status === 'ready' && state.value.length > 0 && (
        <ul className="album-list">
          {state.value.map((album) => (
            <li key={album.name}>
              <button
                type="button"
                className={selected === album.name ? 'album-row album-row--selected' : 'album-row'}
                aria-current={selected === album.name ? 'page' : undefined}
                title={albumRowTitle(album)}
                onClick={() => navigate({ kind: 'album', name: album.name })}
              >
                {/* A long name is cut with "…" (albums.css): the whole of it in its title. */}
                <span className="album-row__name" title={album.name}>
                  {album.name}
                </span>
                {/* A broken album is marked, not hidden: open it to see why, edit or remove it. */}
                <span className="album-row__count muted" aria-label={album.error ? 'cannot be computed' : undefined}>
                  {album.error ? '⚠' : album.members.toLocaleString()}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
