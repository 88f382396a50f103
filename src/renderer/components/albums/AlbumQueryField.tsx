// The album editor's query field, with what it means below it and, when a save was refused
// for want of a query (a filter or a fixed threshold set without one), the core's refusal
// right there, in one line: the fields it names stay set and in view until the user gives a
// query or clears them.

interface AlbumQueryFieldProps {
  value: string;
  /** No query and nothing that needs one: the album is hand-picked. */
  handPicked: boolean;
  /** The core's refusal of the last save, when it was for want of a query; else null. */
  refusal: string | null;
  onChange: (query: string) => void;
}

export function AlbumQueryField({ value, handPicked, refusal, onChange }: AlbumQueryFieldProps) {
  return (
    <label className="album-field">
      <span>Query</span>
      <input type="text" value={value} placeholder="beach at sunset - people" spellCheck={false} onChange={(e) => onChange(e.target.value)} />
      {handPicked ? (
        <small className="muted album-editor__hand-picked">No query: a hand-picked album. Its photos are the ones you add (select photos, then Album…).</small>
      ) : (
        <small className="muted">As in the search box: terms joined by + and -, weights like 2:forest, or an image’s path.</small>
      )}
      {refusal && (
        <small className="form-error album-editor__query-refusal" role="alert">
          {refusal}
        </small>
      )}
    </label>
  );
}
