import type { LibraryStatus } from '../../shared/api';
import { writerElsewhereDetail, writerElsewhereTitle } from '../lib/writer-elsewhere';

/**
 * Over a library this device does not write: another process writes it (`shoebox watch` on
 * the family's GPU box, the app on another laptop), this device's turn to write lapsed, or the
 * connection to it was lost. Says which (as the engine decided it: `writer`), that searching
 * and viewing work, that changes wait, and that nothing needs doing. The engine looks every
 * 10 s whether it may write again, and says so (a 'folders-changed' event: the page reads the
 * status again and this banner goes).
 * `line`: the engine's own line ("library busy: … is writing to …; stop it or wait for it to
 * finish", "lost the connection to s3://… at …").
 * Its note is a polite live region, so a screen reader says it when it appears; it holds only
 * the reason and who writes, not the engine's line (whose lease countdown changes at each
 * look), so the page reading the status again does not say it again.
 */
export function WriterElsewhereBanner({ line, writer }: { line: string; writer?: LibraryStatus['writer'] }) {
  // The engine's line says more than the banner does when no writer is named (what happened,
  // how long the server did not answer); a named writer is the line's news already.
  const quoted = !writer?.holder;
  return (
    <section className="reading-banner" aria-labelledby="writer-elsewhere-title">
      <p role="status">
        <strong id="writer-elsewhere-title">{writerElsewhereTitle(writer)}</strong> {writerElsewhereDetail(writer)}
      </p>
      {quoted && <p className="reading-banner__note">{line}</p>}
    </section>
  );
}
