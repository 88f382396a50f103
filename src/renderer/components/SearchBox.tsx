import { forwardRef } from 'react';
import { useCanSearch } from '../hooks/useViewingOnly';

interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  /** Shown in the box while it is disabled: what search waits for. */
  disabledReason?: string;
  /** "Text in photo": what is typed is text to find in photos, not a description. */
  textMode?: boolean;
  onTextMode?: (on: boolean) => void;
  /** ↓ or Enter: on to the results (the caller searches at once and moves the focus once they show). */
  onResults?: () => void;
}

/** The search field: results follow as you type (the caller debounces). "/" focuses it; ↓ or Enter goes on to the results. */
export const SearchBox = forwardRef<HTMLInputElement, SearchBoxProps>(function SearchBox({ value, onChange, disabled, disabledReason, textMode = false, onTextMode, onResults }, ref) {
  // No model on this device: say what search waits for (another process writing the library does not stop it).
  const canSearch = useCanSearch();
  return (
    <div className="search-box">
      <svg className="search-box__icon" viewBox="0 0 24 24" aria-hidden="true">
        <circle cx="11" cy="11" r="7" />
        <path d="M20 20l-4-4" />
      </svg>
      <input
        ref={ref}
        type="search"
        role="searchbox"
        aria-label={textMode ? 'Search text in photos' : 'Search photos'}
        placeholder={!canSearch ? 'Search needs a model on this device' : disabled && disabledReason ? disabledReason : textMode ? 'Text in the photo, e.g. open 24 hours' : 'Describe a photo… (press / to search)'}
        value={value}
        disabled={disabled}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            onChange('');
            event.currentTarget.blur();
          } else if ((event.key === 'ArrowDown' || event.key === 'Enter') && onResults && !event.nativeEvent.isComposing && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) {
            event.preventDefault();
            onResults();
          }
        }}
      />
      {onTextMode && (
        <button
          type="button"
          className={textMode ? 'search-box__mode search-box__mode--on' : 'search-box__mode'}
          aria-pressed={textMode}
          title="Text in photo: find the words written in photos (signs, receipts, screenshots)"
          disabled={disabled}
          onClick={() => onTextMode(!textMode)}
        >
          Text in photo
        </button>
      )}
    </div>
  );
});
