// `shoebox status`'s first words: the library's count as the app's status bar says it. With
// nothing archived, every file the library lists ("70 photos, 4 videos"); with some archived,
// All photos as the core counts it (the archive left out, the same timelineSummary({}) the
// app's footer, header and sidebar say) and then how many are archived ("69 photos, 4 videos ·
// 1 archived"), so the terminal and the app never disagree about the same library.
import type { LibraryHost } from '../core/index';
import type { ArchivedTotals } from '../shared/archived-text';
import { archivedText } from '../shared/archived-text';
import { itemsText } from '../shared/count-text';

export interface LibraryCount {
  text: string;
  /** The archived items (status --json's `archived`); null when the library could not say. */
  archived: ArchivedTotals | null;
}

export async function libraryCount(api: LibraryHost, status: { photos: number; videos: number }): Promise<LibraryCount> {
  const whole = itemsText(status.photos, status.videos);
  let archive: ArchivedTotals;
  try {
    const { total, videos } = await api.timelineSummary({ archived: true });
    archive = { total, videos: videos ?? 0 };
    if (total === 0) return { text: whole, archived: archive };
    const shown = await api.timelineSummary({});
    return { text: `${itemsText(shown.total, shown.videos ?? 0)} · ${archivedText(archive)}`, archived: archive };
  } catch {
    // A library whose timeline cannot be read (damaged tables: the lines below say so) still
    // gets its count: the one the status itself has.
    return { text: whole, archived: null };
  }
}
