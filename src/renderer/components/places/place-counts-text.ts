// The Places page's counts in words, photos and videos said apart from the core's counts
// (places(): `videos` of each town and country, `locatedVideos`, `unplacedVideos`): "8 photos,
// 1 video in 5 countries", "Paris: 1 video". A video is never called a photo (itemsText).
import type { PlacesSummary } from '../../../shared/api';
import { itemsText } from '../../../shared/count-text';
import type { MapDot } from '../../lib/place-map';
import { formatCount } from '../../lib/format';

/** A group's count: a town's, a country's. */
export function placeItemsText(group: { count: number; videos?: number }): string {
  return itemsText(group.count, group.videos ?? 0, formatCount);
}

/** The page's header: "13 photos, 2 videos in 3 countries". */
export function placesItemsText(summary: PlacesSummary): string {
  return `${itemsText(summary.located, summary.locatedVideos ?? 0, formatCount)} in ${formatCount(summary.countries.length, 'country', 'countries')}`;
}

/** The note for photos and videos with a position but no town near it, or null when there are none. */
export function farFromTownsText(summary: Pick<PlacesSummary, 'unplaced' | 'unplacedVideos'>): string | null {
  if (summary.unplaced <= 0) return null;
  return `${itemsText(summary.unplaced, summary.unplacedVideos ?? 0, formatCount)} ${summary.unplaced === 1 ? 'has' : 'have'} a position far from any town.`;
}

/** The map's dots with their towns' videos said apart ("Paris, France: 1 video"), in the name
 *  a screen reader reads and the count the tooltip shows. */
export function dotsWithVideos(dots: MapDot[], summary: PlacesSummary): (MapDot & { countText: string })[] {
  const videos = new Map(summary.countries.flatMap((c) => c.towns.map((t) => [t.place, t.videos ?? 0] as const)));
  return dots.map((dot) => {
    const countText = itemsText(dot.count, videos.get(dot.place) ?? 0, formatCount);
    return { ...dot, countText, label: `${dot.place}: ${countText}` };
  });
}
