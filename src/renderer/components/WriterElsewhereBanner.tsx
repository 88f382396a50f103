import { writerOf } from '../lib/writer-elsewhere';

/**
 * Over a library another process writes (`shoebox watch` on the family's GPU box, the app on
 * another laptop): who, that searching and viewing work, that changes wait, and that nothing
 * needs doing. The engine looks every 10 s whether the writer is done or has given the lock
 * back while quiet, and says so (a 'folders-changed' event: the page reads the status again
 * and this banner goes).
 * `line`: the engine's "library busy: … is writing to …; stop it or wait for it to finish".
 * Its note is a polite live region, so a screen reader says it when it appears; it holds only
 * who writes, not the engine's line (whose lease countdown changes at each look), so the page
 * reading the status again does not say it again.
 */
export function WriterElsewhereBanner({ line }: { line: string }) {
  const writer = writerOf(line);
  return (
    <section className="reading-banner" aria-labelledby="writer-elsewhere-title">
      <p role="status">
        <strong id="writer-elsewhere-title">Search and view only: {writer ?? 'another device or program'} is writing to this library.</strong> Searching and looking
        through the photos work as usual. Changes (favourites, tags, albums, new folders…) wait until it is done or quiet for a
        moment; this note then goes by itself, without a restart.
      </p>
      {/* Not worded as expected: the engine's own line says who, or what happened. */}
      {writer === null && <p className="reading-banner__note">{line}</p>}
    </section>
  );
}
