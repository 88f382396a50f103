// The sidebar's count beside "Archive" (archiving anywhere emits photos-changed).
import { useTimelineCount } from './useTimelineCount';

const ARCHIVED = { archived: true };

/** How many photos are archived; null until known (or when the engine could not say). */
export function useArchiveCount(refresh: number, enabled: boolean): number | null {
  return useTimelineCount(ARCHIVED, 'archive', refresh, enabled);
}
