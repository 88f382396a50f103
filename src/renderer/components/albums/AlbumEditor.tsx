// The smart-album editor: name, query, threshold, filters. (Being built: see issue #5.)
import type { ScreenProps } from '../../lib/screen';

export function AlbumEditor(_props: ScreenProps) {
  return null;
}
