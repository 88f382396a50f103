// What an export's copies carry of Shoebox's view of the photos, as the app and the CLI both say
// it (one text): how many were written turned and with the date and place set (or the place
// removed) by hand, which photos with such edits went as their files show them, and which
// sidecars an earlier export left in the folder were kept although they differ now.

/** "1 copied turned, 2 copied with the date or place set in Shoebox, as Shoebox shows them", or ''. */
export function copiesAsShownText(turned: number, edited: number): string {
  const parts = [
    turned ? `${turned.toLocaleString()} copied turned` : '',
    edited ? `${edited.toLocaleString()} copied with the date or place set in Shoebox` : '',
  ].filter(Boolean);
  return parts.length ? `${parts.join(', ')}, as Shoebox shows them` : '';
}

/**
 * "2 photos with a date or place set in Shoebox are linked as their files show them: export
 * copies to carry the edits", or '' when there are none; `copiesHint`: how this front end exports copies.
 */
export function uneditedText(unedited: number, copy: boolean, copiesHint = 'export copies'): string {
  if (unedited === 0) return '';
  const one = unedited === 1;
  const what = `${unedited.toLocaleString()} ${one ? 'photo' : 'photos'} with a date or place set in Shoebox ${one ? 'is' : 'are'} ${copy ? 'copied' : 'linked'} as ${one ? 'its file shows it' : 'their files show them'}`;
  return copy ? `${what} (only a JPEG's copy can carry the edits without re-encoding it)` : `${what}: ${copiesHint} to carry the edits`;
}

/** "1 sidecar already in the folder differs from its photo's now: left as it is", or ''. */
export function keptSidecarsText(kept: number): string {
  if (kept === 0) return '';
  return kept === 1 ? '1 sidecar already in the folder differs from its photo\'s now: left as it is' : `${kept.toLocaleString()} sidecars already in the folder differ from their photos' now: left as they are`;
}
