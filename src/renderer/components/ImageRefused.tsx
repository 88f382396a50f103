// A file picked or dropped to search by that is no image (lib/image-search.ts), refused in one
// line over the page: the screen the user was on stays as it was, and so does the focus.
export function ImageRefused({ line, onDismiss }: { line: string; onDismiss: () => void }) {
  return (
    <div className="banner banner--dismissible" role="alert">
      <p>{line}</p>
      <button type="button" className="link-button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
