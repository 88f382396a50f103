// What the review list's count counts. Each card is one photo with one of its tags: with a
// label chosen that is one card per photo, but across all labels a photo tagged twice is two
// cards, so the count is of tags ("350 tags" in a 342-photo library is right; "350 photos"
// was not).
import { formatCount } from '../../lib/format';

/**
 * The count as the review screen says it: tags either way, so switching the label filter does
 * not switch the unit under the user ("64 tags", then "33 photos" read as another kind of
 * count); with a label, whose tags they are ("33 “dog” tags": one a photo).
 */
export function reviewCount(cards: number, label: string | null): string {
  return label === null ? formatCount(cards, 'tag') : `${cards.toLocaleString()} “${label}” ${cards === 1 ? 'tag' : 'tags'}`;
}
