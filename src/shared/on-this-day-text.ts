// Why "On this day" shows nothing, in one wording for `shoebox on-this-day` and the app: no
// photo was taken on the day in an earlier year, or every one that was is archived (On this
// day leaves the archive out: TimelinePage.archivedLeftOut counts them).

/** "May 1" for a YYYY-MM-DD date, as the app says a day ("05-01" reads as 5 January in much of the world). */
export function dayOfYearText(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/**
 * The line for a day with no photo to show, lower case (a front end makes it a sentence).
 * `archived`: the day's photos left out as archived; `archiveHint`: how this front end lists
 * the archive and brings a photo back.
 */
export function noPhotoOnThisDayText(date: string, archived: number, archiveHint: string): string {
  const day = dayOfYearText(date);
  if (archived <= 0) return `no photo was taken on ${day} in an earlier year`;
  return `no photo from ${day} in an earlier year outside the archive (${archived} archived: ${archiveHint})`;
}
