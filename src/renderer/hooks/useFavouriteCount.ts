// The sidebar's count beside "Favourites" (a favourite set anywhere emits photos-changed).
import { useTimelineCount } from './useTimelineCount';

const FAVOURITES = { favourite: true };

/** How many favourites the library holds; null until known (or when the engine could not say). */
export function useFavouriteCount(refresh: number, enabled: boolean): number | null {
  return useTimelineCount(FAVOURITES, 'favourites', refresh, enabled);
}
