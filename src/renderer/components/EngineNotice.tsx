// The engine's errors (lib/engine-notices.ts) as a line over the page, the same red banner
// as a lost connection (ConnectionBanner), until the user dismisses it: unlike a lost
// connection, nothing makes these go by themselves.
export function EngineNotice({ lines, onDismiss }: { lines: readonly string[]; onDismiss: () => void }) {
  if (lines.length === 0) return null;
  return (
    <div className="banner banner--dismissible" role="alert">
      <div>
        {lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <button type="button" className="link-button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
