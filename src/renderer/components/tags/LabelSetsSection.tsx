// Sidebar section: the library's label sets, each leading to its editor and tag review. (Being built: see issue #5.)
import type { ScreenProps } from '../../lib/screen';

export function LabelSetsSection(_props: ScreenProps) {
  return null;
}
