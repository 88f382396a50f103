// How many of the library's items are archived, in the words the app's status bar puts after
// All photos ("38 photos, 1 video · 1 archived") and `shoebox status` puts on its first line:
// "3 archived" (photos only), "1 archived video", "1 photo, 1 video archived" (a video is never
// called a photo: itemsText). The counts are the core's timelineSummary({ archived: true }).
import { countText, itemsText } from './count-text';

export interface ArchivedTotals {
  total: number;
  /** Of `total`, how many are videos; absent: none (or not known). */
  videos?: number;
}

/** `count` words each part (the app's groups digits: formatCount). */
export function archivedText({ total, videos = 0 }: ArchivedTotals, count: (n: number, one: string, many?: string) => string = countText): string {
  if (videos <= 0) return count(total, 'archived', 'archived');
  if (videos >= total) return count(total, 'archived video', 'archived videos');
  return `${itemsText(total, videos, count)} archived`;
}
