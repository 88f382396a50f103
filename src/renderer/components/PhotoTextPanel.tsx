/**
 * The viewer's "Text in photo": what the OCR read in the photo shown. The box is capped (a
 * long receipt would push the keys off the panel) and scrolls; its heading says how many lines
 * there are and, while more text follows below, a shade at the box's bottom edge says so (a
 * 5-line page once showed 4, cut off with no cue that a fifth followed).
 */

/** Over this many lines (or characters, for long lines that wrap) the box may scroll: it is a tab stop then, to scroll with the keys. */
const LINES_THAT_FIT = 10;
const CHARACTERS_THAT_FIT = 360;

export function PhotoTextPanel({ text }: { text: string }) {
  const lines = text.split('\n').filter((line) => line.trim() !== '').length;
  const mayScroll = lines > LINES_THAT_FIT || text.length > CHARACTERS_THAT_FIT;
  return (
    <section aria-label="Text in photo">
      <h3 className="small">
        Text in photo{lines > 1 && <span className="muted"> · {lines} lines</span>}
      </h3>
      <p className="viewer__photo-text small" {...(mayScroll ? { tabIndex: 0, 'aria-label': `Text in photo, ${lines} lines: scroll for more` } : {})}>
        {text}
      </p>
    </section>
  );
}
