import type { SearchSort } from '../../shared/api';

interface SortToggleProps {
  value: SearchSort;
  onChange: (sort: SearchSort) => void;
}

const CHOICES: { sort: SearchSort; label: string; title: string }[] = [
  { sort: 'score', label: 'Best match', title: 'Best matches first' },
  { sort: 'date', label: 'Newest', title: 'The same matches, newest taken first' },
];

/** Orders search results by relevance or by date; the matches stay the same ones. */
export function SortToggle({ value, onChange }: SortToggleProps) {
  return (
    <div className="segmented" role="group" aria-label="Sort results">
      {CHOICES.map((c) => (
        <button key={c.sort} type="button" className="segmented__button" aria-pressed={value === c.sort} title={c.title} onClick={() => onChange(c.sort)}>
          {c.label}
        </button>
      ))}
    </div>
  );
}
