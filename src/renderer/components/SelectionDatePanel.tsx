// The selection bar's "Date…" panel: one date taken for every selected photo (a box of scans
// from one summer), every date moved by the same amount (a camera whose clock was a time zone
// or a day off, as Google Photos' "Shift dates"), or each file's own date back. The engine
// keeps it by content and never touches the files (core/api/taken-at-api.ts); the viewer's
// editor does the same for one photo.
import { useState } from 'react';

interface SelectionDatePanelProps {
  busy: boolean;
  /** A date-time as the field writes it ("2024-03-05T09:30"), or null for the files' own. */
  onSet: (takenAt: string | null) => void;
  /** Seconds to move every selected photo's date by (never 0). */
  onShift: (seconds: number) => void;
}

/** The shift's fields: whole numbers, either sign; an empty field is none. */
const SHIFT_UNITS = [
  { key: 'days', label: 'days', seconds: 86_400 },
  { key: 'hours', label: 'hours', seconds: 3_600 },
  { key: 'minutes', label: 'minutes', seconds: 60 },
] as const;

export function SelectionDatePanel({ busy, onSet, onShift }: SelectionDatePanelProps) {
  const [value, setValue] = useState('');
  const [shift, setShift] = useState<Record<string, string>>({});
  const parts = SHIFT_UNITS.map((u) => (shift[u.key]?.trim() ? Number(shift[u.key]) : 0));
  const whole = parts.every((n) => Number.isInteger(n));
  const seconds = whole ? parts.reduce((sum, n, i) => sum + n * SHIFT_UNITS[i]!.seconds, 0) : 0;
  return (
    <>
      <div className="selection-bar__row">
        <input type="datetime-local" step="1" autoFocus aria-label="Date taken of the selected photos" value={value} onChange={(e) => setValue(e.target.value)} />
        <button type="button" className="button button--primary" disabled={!value || busy} onClick={() => onSet(value)}>
          Set date
        </button>
        <button type="button" className="button" disabled={busy} title="Undo dates set by hand: each photo takes its file's own date again" onClick={() => onSet(null)}>
          Use the files&rsquo; dates
        </button>
        <span className="muted small">The files are not changed.</span>
      </div>
      <div className="selection-bar__row" role="group" aria-label="Shift dates">
        <span>Shift by</span>
        {SHIFT_UNITS.map((u) => (
          <label key={u.key} className="shift-field">
            <input type="number" step="1" inputMode="numeric" aria-label={`${u.label} to shift by`} placeholder="0" value={shift[u.key] ?? ''} onChange={(e) => setShift({ ...shift, [u.key]: e.target.value })} />
            {u.label}
          </label>
        ))}
        <button type="button" className="button" disabled={!seconds || busy} title="Every selected photo's date moves by the same amount (a minus sign moves it earlier) and keeps its time zone" onClick={() => onShift(seconds)}>
          Shift dates
        </button>
        {!whole && <span className="form-error small">Whole numbers only (1 day 12 hours, not 1.5 days).</span>}
      </div>
    </>
  );
}
