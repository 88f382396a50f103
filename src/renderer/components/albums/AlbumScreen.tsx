// A smart album's photos, with pin/exclude and export. (Being built: see issue #5.)
import type { ScreenProps } from '../../lib/screen';

export function AlbumScreen(_props: ScreenProps) {
  return null;
}
