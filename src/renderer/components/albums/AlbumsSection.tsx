// Sidebar section: smart albums with their member counts, and "new album". (Being built: see issue #5.)
import type { ScreenProps } from '../../lib/screen';

export function AlbumsSection(_props: ScreenProps) {
  return null;
}
