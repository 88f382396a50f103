// What an export did with the photos the user turned, as the app and the CLI say it: a turned
// JPEG's copy is written turned, but a link cannot be, nor another format's copy without
// re-encoding it, and the user should know before sharing the folder.

/**
 * "2 turned photos are linked as their files show them: export copies to keep the turns", or
 * '' when there are none; `copiesHint`: how this front end exports copies.
 */
export function unturnedText(unturned: number, copy: boolean, copiesHint = 'export copies'): string {
  if (unturned === 0) return '';
  const one = unturned === 1;
  const what = `${unturned.toLocaleString()} turned ${one ? 'photo is' : 'photos are'} ${copy ? 'copied' : 'linked'} as ${one ? 'its file shows it' : 'their files show them'}`;
  return copy ? `${what} (a copy is turned only for a JPEG whose EXIF can say so; another would have to be re-encoded)` : `${what}: ${copiesHint} to keep ${one ? 'the turn' : 'the turns'}`;
}
