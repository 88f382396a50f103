import type { PhotoTextMatch } from '../../shared/search';

interface TextHighlightProps {
  match: PhotoTextMatch;
}

/**
 * The words a "Text in photo" search matched, outlined on the photo. The SVG covers the same
 * box as the viewer's image and uses the photo's own pixels as its viewBox: "meet" scales and
 * centres it exactly as the image's `object-fit: contain` does, so the outlines stay on the
 * words at any window size.
 */
export function TextHighlight({ match }: TextHighlightProps) {
  if (match.width <= 0 || match.height <= 0 || match.words.length === 0) return null;
  return (
    <svg className="viewer__text" viewBox={`0 0 ${match.width} ${match.height}`} preserveAspectRatio="xMidYMid meet" role="img" aria-label={`Matched text: ${match.words.map((w) => w.text).join(' ')}`}>
      {match.words.map((w, i) => (
        <polygon key={i} className="viewer__text-word" points={w.box.map(([x, y]) => `${x},${y}`).join(' ')} data-word={w.text}>
          <title>{w.text}</title>
        </polygon>
      ))}
    </svg>
  );
}
