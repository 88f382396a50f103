// The details toggle's mark (ⓘ: an "i" in a circle), drawn rather than the ⓘ character, which
// many systems' fonts lack (a box shows), so it has the text's colour and size everywhere.
export function InfoIcon() {
  return (
    <svg viewBox="0 0 16 16" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="6.5" />
      <path d="M8 7.25v4" />
      <circle cx="8" cy="4.75" r="0.4" fill="currentColor" />
    </svg>
  );
}
