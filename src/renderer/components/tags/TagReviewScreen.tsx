// Tag review: a set's tags least confident first, accept or reject each. (Being built: see issue #5.)
import type { ScreenProps } from '../../lib/screen';

export function TagReviewScreen(_props: ScreenProps) {
  return null;
}
