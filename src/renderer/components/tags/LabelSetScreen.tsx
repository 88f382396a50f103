// The label-set editor: labels and prompts, threshold, import/export JSON, tag a folder. (Being built: see issue #5.)
import type { ScreenProps } from '../../lib/screen';

export function LabelSetScreen(_props: ScreenProps) {
  return null;
}
