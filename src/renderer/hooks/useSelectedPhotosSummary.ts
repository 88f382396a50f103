// What the selection bar says of the selected photos before any action is taken: how many of
// them are videos (its count says them apart, "39 photos, 1 video selected", as the header and
// the status bar do: itemsText) and whether every one is archived (its Archive button then
// offers Unarchive, as the viewer's does for its photo). The bar is handed the selection only
// as a way to resolve its photos (as an action resolves them); resolved again whenever the
// grid hands a new one (a render of the list: another selection, the list refreshed after a
// write), so the bar follows what the photos are now.
import { useEffect, useState } from 'react';
import type { Photo } from '../../shared/api';
import { itemsText } from '../../shared/count-text';
import { formatCount } from '../lib/format';

/** A selection larger than this is not fetched page by page only to word its count: its
 *  photos are read when an action needs them, as before (a select-all of a large library). */
export const SUMMARY_LIMIT = 1000;

export interface SelectedPhotosSummary {
  /** How many photos this summary is of (a stale one, of another selection, is not used). */
  count: number;
  videos: number;
  /** Every one is archived (and there is at least one). */
  allArchived: boolean;
}

export function summarizeSelected(photos: readonly Photo[]): SelectedPhotosSummary {
  return { count: photos.length, videos: photos.filter((p) => p.kind === 'video').length, allArchived: photos.length > 0 && photos.every((p) => p.archived === true) };
}

/** "39 photos, 1 video selected"; "40 selected" while the photos are not known (or too many to read). */
export function selectedCountText(count: number, summary: SelectedPhotosSummary | null): string {
  return summary && summary.count === count ? `${itemsText(count, summary.videos, formatCount)} selected` : `${count.toLocaleString()} selected`;
}

/** The summary of the current selection, null until known (or when it is larger than SUMMARY_LIMIT). */
export function useSelectedPhotosSummary(photos: () => Promise<Photo[]>, count: number): SelectedPhotosSummary | null {
  const [summary, setSummary] = useState<SelectedPhotosSummary | null>(null);
  useEffect(() => {
    if (count > SUMMARY_LIMIT) return setSummary(null);
    let live = true;
    photos().then(
      (chosen) => {
        if (!live) return;
        const next = summarizeSelected(chosen);
        // The same answer keeps the same state: no render of the bar for nothing.
        setSummary((last) => (last && last.count === next.count && last.videos === next.videos && last.allArchived === next.allArchived ? last : next));
      },
      () => live && setSummary(null),
    );
    return () => {
      live = false;
    };
  }, [photos, count]);
  return summary;
}
