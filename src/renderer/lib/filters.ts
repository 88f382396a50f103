// The filter bar's fields and how they become the engine's SearchFilters.
import type { SearchFilters } from '../../shared/api';
import { addDays, isCalendarDay } from '../../shared/calendar-day';
import { appErrorText, unknownTagAppText } from '../../shared/app-wording';
import { detailOfError } from '../../shared/error-detail';

export interface FilterFields {
  /** YYYY-MM-DD from a date input, or ''. Inclusive. */
  from: string;
  /** YYYY-MM-DD, or ''. Inclusive: the whole day counts. */
  to: string;
  camera: string;
  /** A library folder, or '' for all. */
  folder: string;
  location: 'any' | 'with' | 'without';
  /** A label of any label set (auto or accepted tags), or ''. */
  tag: string;
  /** "Favourites only". */
  favourite: boolean;
  /** Where taken: a town, a country or "town, country" as typed (case and accents ignored), or ''. */
  place: string;
}

export const NO_FILTERS: FilterFields = { from: '', to: '', camera: '', folder: '', location: 'any', tag: '', favourite: false, place: '' };

export function hasFilters(fields: FilterFields): boolean {
  return fields.from !== '' || fields.to !== '' || fields.camera.trim() !== '' || fields.folder !== '' || fields.location !== 'any' || fields.tag.trim() !== '' || fields.favourite || fields.place.trim() !== '';
}

/** SearchFilters for the engine, or undefined when nothing is set. "To" includes its day. */
export function toSearchFilters(fields: FilterFields): SearchFilters | undefined {
  const filters: SearchFilters = {};
  if (fields.from) filters.after = fields.from;
  // The To day is included: the filter's `before` is the next day (as the album editor sends it).
  if (fields.to) filters.before = isCalendarDay(fields.to) ? addDays(fields.to, 1) : fields.to;
  if (fields.camera.trim()) filters.camera = fields.camera.trim();
  if (fields.folder) filters.folder = fields.folder;
  if (fields.location !== 'any') filters.hasGps = fields.location === 'with';
  if (fields.tag.trim()) filters.tag = fields.tag.trim();
  // Unchecked is no filter at all (not favourite: false, "only the others").
  if (fields.favourite) filters.favourite = true;
  // Blank is no filter; a place no photo was taken in is asked all the same ("Nothing matched.").
  if (fields.place.trim()) filters.place = fields.place.trim();
  return Object.keys(filters).length ? filters : undefined;
}

/** A problem the user can fix before anything is asked of the engine. */
export function filterProblem(fields: FilterFields): string | null {
  if (fields.from && fields.to && fields.from > fields.to) return '“From” is after “To”: no photo can match.';
  return null;
}

/** A search by description on a device without a model (`text:` terms alone need none). */
export const NO_MODEL_SEARCH = 'Searching by description needs a model on this device: the banner above says which one to bring (or Settings → Model). Text in photo searches work without one.';

/**
 * An engine error as the UI says it. The engine's search errors are written for the CLI
 * ("--tag red: no label set has the label "red" (shoebox labels list)"); the UI names no
 * command-line flag or command, so those parts are dropped. A refusal the app words itself is
 * told by the error's `detail` (its code, carried by the RPC: shared/error-detail.ts), never by
 * its message's words. `error`: the error the client rejected with; a string is a message alone.
 */
export function searchErrorText(error: unknown): string {
  const detail = detailOfError(error);
  if (detail?.code === 'unknown-tag') return unknownTagAppText(detail.label);
  // No model on this device: the engine's line advises commands; the banner above the grid
  // offers the model to bring (the core's offer), so the line points there instead. Told by the
  // code: `no model "x": it is neither installed…` (a model named that exists nowhere) is another problem.
  if (detail?.code === 'no-model') return NO_MODEL_SEARCH;
  const message = typeof error === 'string' ? error : error instanceof Error ? error.message : String(error);
  // A message alone (a caller that kept only the message, not the error) still reads the
  // unknown tag's line in the app's words.
  const text = appErrorText(message);
  // A sentence starts with a capital; a file's name ("labels.tsv: not an image") stays as it is.
  return /^[a-z]+ /.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
