// The selection bar's "Date…" panel: one date taken for every selected photo (a box of scans
// from one summer), or each file's own date back. The engine keeps it by content and never
// touches the files (core/api/taken-at-api.ts); the viewer's editor does the same for one photo.
import { useState } from 'react';

interface SelectionDatePanelProps {
  busy: boolean;
  /** A date-time as the field writes it ("2024-03-05T09:30"), or null for the files' own. */
  onSet: (takenAt: string | null) => void;
}

export function SelectionDatePanel({ busy, onSet }: SelectionDatePanelProps) {
  const [value, setValue] = useState('');
  return (
    <div className="selection-bar__row">
      <input type="datetime-local" step="1" aria-label="Date taken of the selected photos" value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="button" className="button button--primary" disabled={!value || busy} onClick={() => onSet(value)}>
        Set date
      </button>
      <button type="button" className="button" disabled={busy} title="Undo dates set by hand: each photo takes its file's own date again" onClick={() => onSet(null)}>
        Use the files&rsquo; dates
      </button>
      <span className="muted small">The files are not changed.</span>
    </div>
  );
}
