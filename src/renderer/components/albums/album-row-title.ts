// The tooltip of an album's row in the sidebar: what it holds, its videos said apart as the
// album's header and the CLI say them ("“beach”: 2 photos, 1 video"), or why it holds nothing.
import type { AlbumInfo } from '../../../shared/api';
import { albumCountText } from './album-text';

export function albumRowTitle(album: Pick<AlbumInfo, 'query' | 'handPicked' | 'members' | 'videos' | 'error'>): string {
  if (album.error) return `“${album.query}” cannot be computed: ${album.error}`;
  return `${album.handPicked ? 'Hand-picked' : `“${album.query}”`}: ${albumCountText(album)}`;
}
