// Marks the pinned photos in the album's grid. The grid (PhotoGrid/PhotoTile) is shared
// and knows nothing of albums, but each tile carries its list index (data-index), so a
// style rule scoped to the album grid badges exactly the pinned indexes. The rule goes in
// a constructed stylesheet: the Content-Security-Policy (style-src 'self') refuses <style>
// elements, not stylesheets built through the CSSOM.
import { useEffect, useMemo } from 'react';

export function PinnedMarks({ pinned }: { pinned: ReadonlySet<number> }) {
  const rules = [...pinned].sort((a, b) => a - b).map((i) => `.album-grid .tile[data-index="${i}"]::after`).join(',');
  const sheet = useMemo(() => new CSSStyleSheet(), []);
  useEffect(() => {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [sheet]);
  useEffect(() => {
    sheet.replaceSync(rules ? `${rules} { content: 'Pinned'; }` : '');
  }, [sheet, rules]);
  return null;
}
