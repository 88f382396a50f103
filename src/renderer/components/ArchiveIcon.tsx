// The archive's mark (a storage box), drawn rather than an emoji so it has the text's colour
// and size on every platform: on a tile's badge, the viewer's label and the Archive buttons.
export function ArchiveIcon() {
  return (
    <svg className="archive-icon" viewBox="0 0 16 16" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <rect x="1.5" y="2.5" width="13" height="3.5" rx="1" />
      <path d="M2.75 6v6.5a1 1 0 0 0 1 1h8.5a1 1 0 0 0 1-1V6" />
      <path d="M6.5 9h3" />
    </svg>
  );
}
