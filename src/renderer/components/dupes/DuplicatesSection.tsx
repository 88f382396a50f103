// Sidebar section: duplicates, leading to the review screen. (Being built: see issue #5.)
import type { ScreenProps } from '../../lib/screen';

export function DuplicatesSection(_props: ScreenProps) {
  return null;
}
