// The window's clock, which the engine reads a photo's file time on when the photo has no date
// taken (core/store/photo-date.ts): sent with the timeline's options and with a search's date
// filters alike, so a photo the timeline shows under a day is the one that day's filter finds,
// even when the engine (`shoebox serve`) runs on a machine in another zone than the browser.
import type { SearchFilters } from '../../shared/api';

/** This window's offset from UTC now, in whole minutes east (New York in winter: -300). */
export function viewerUtcOffset(): number {
  return -new Date().getTimezoneOffset();
}

/** Search filters as the engine is asked them: with a date, the window's clock to read it on.
 *  Without one nothing reads the clock, and the filters stay as they were (the engine counts
 *  any field as a filter when it tells why a search found nothing: core/search/empty-reason.ts). */
export function onViewerClock(filters: SearchFilters | undefined): SearchFilters | undefined {
  if (filters?.after === undefined && filters?.before === undefined) return filters;
  return { ...filters, utcOffset: viewerUtcOffset() };
}
