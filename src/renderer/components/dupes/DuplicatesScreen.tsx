// Duplicates review: groups side by side, the keeper marked, trash the rest after confirmation. (Being built: see issue #5.)
import type { ScreenProps } from '../../lib/screen';

export function DuplicatesScreen(_props: ScreenProps) {
  return null;
}
