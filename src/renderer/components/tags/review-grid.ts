// Where the arrow keys go in the tag review's grid of cards. Its columns follow the window's
// width (CSS auto-fill), so ↑ and ↓ go by the rows as laid out on screen, read from the cards'
// boxes, as the timeline's rowStep goes by its layout's rows.

/** A card's place on screen: its box's top and left edges. */
export interface CardBox {
  top: number;
  left: number;
}

/**
 * The card an arrow key (or Home / End) moves to from card `index`, or null for another key.
 * ← → go one card (stopping at the ends); ↑ ↓ to the card of the row above or below nearest
 * in column (staying put on the first or last row).
 */
export function reviewGridStep(boxes: readonly CardBox[], index: number, key: string): number | null {
  const last = boxes.length - 1;
  if (last < 0) return null;
  if (key === 'ArrowLeft') return Math.max(0, index - 1);
  if (key === 'ArrowRight') return Math.min(last, index + 1);
  if (key === 'Home') return 0;
  if (key === 'End') return last;
  const direction = key === 'ArrowUp' ? -1 : key === 'ArrowDown' ? 1 : 0;
  const from = boxes[index];
  if (direction === 0 || !from) return null;
  // The next row's top: the nearest top past this card's, in the key's direction (a card a
  // pixel off its row's top, by rounding, counts as on the row).
  let rowTop: number | null = null;
  for (const box of boxes) {
    const ahead = (box.top - from.top) * direction > 1;
    if (ahead && (rowTop === null || (box.top - rowTop) * direction < 0)) rowTop = box.top;
  }
  if (rowTop === null) return index;
  let best = index;
  let distance = Infinity;
  boxes.forEach((box, i) => {
    if (Math.abs(box.top - rowTop) > 1) return;
    const d = Math.abs(box.left - from.left);
    if (d < distance) [best, distance] = [i, d];
  });
  return best;
}
