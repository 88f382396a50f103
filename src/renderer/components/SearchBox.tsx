import { forwardRef, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useElementSize } from '../hooks/useElementSize';
import { useCanSearch } from '../hooks/useViewingOnly';

/** Each placeholder, longest first: the box shows the first that fits its width (900 px
 *  windows and narrower cut the long ones). A caller's own reason is shown as it is. */
const PLACEHOLDERS = {
  noModel: ['Search needs a model on this device', 'Search needs a model', 'Needs a model'],
  /** No model, but a library to search: its text in photos needs none (the "Text in photo" switch beside). */
  describeNeedsModel: ['Describing photos needs a model: Text in photo works', 'Describing needs a model: Text in photo works', 'Needs a model: try Text in photo', 'Needs a model'],
  text: ['Text in the photo, e.g. open 24 hours', 'Text in the photo…', 'Text…'],
  describe: ['Describe a photo… (press / to search)', 'Describe a photo…', 'Search…'],
} as const;

let measureContext: CanvasRenderingContext2D | null | undefined;

/** How wide `text` is in `input`'s font, in CSS pixels (null where it cannot be told). */
function textWidth(input: HTMLInputElement, text: string): number | null {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return null;
  const style = getComputedStyle(input);
  measureContext.font = style.font || `${style.fontSize} ${style.fontFamily}`;
  return measureContext.measureText(text).width;
}

/** The longest of `candidates` that fits in the box's input (its text area, padding aside); the
 *  shortest when none does (the field then ends it with an ellipsis). */
function useFittingText(box: RefObject<HTMLDivElement | null>, candidates: readonly string[]): string {
  const { width } = useElementSize(box);
  const [fitting, setFitting] = useState(0);
  const key = candidates.join('\n');
  useLayoutEffect(() => {
    const input = box.current?.querySelector('input');
    if (!input || width === 0 || candidates.length < 2) {
      setFitting(0);
      return;
    }
    const style = getComputedStyle(input);
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const index = candidates.findIndex((text) => (textWidth(input, text) ?? 0) <= room);
    setFitting(index === -1 ? candidates.length - 1 : index);
    // `candidates` is named by `key`: a new array each render must not measure again.
  }, [box, key, width]);
  return candidates[Math.min(fitting, candidates.length - 1)] ?? '';
}

interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  /** Shown in the box while it is disabled: what search waits for. */
  disabledReason?: string;
  /** "Text in photo": what is typed is text to find in photos, not a description. */
  textMode?: boolean;
  /** Only "Text in photo" searches here (a library viewed on a device without a model: the
   *  text read in photos needs none): the switch stays on offer, the box takes text in that
   *  mode and waits for a model in the other. */
  textOnly?: boolean;
  onTextMode?: (on: boolean) => void;
  /** ↓ or Enter: on to the results (the caller searches at once and moves the focus once they show). */
  onResults?: () => void;
}

/** The search field: results follow as you type (the caller debounces). "/" focuses it; ↓ or Enter goes on to the results; Esc empties it. */
export const SearchBox = forwardRef<HTMLInputElement, SearchBoxProps>(function SearchBox({ value, onChange, disabled = false, disabledReason, textMode = false, textOnly = false, onTextMode, onResults }, ref) {
  // No model on this device: say what search waits for (another process writing the library
  // does not stop it), and, where the library's text can be searched, that that works.
  const canSearch = useCanSearch();
  const box = useRef<HTMLDivElement>(null);
  const boxDisabled = disabled || (textOnly && !textMode);
  const placeholder = useFittingText(
    box,
    textOnly && !disabled ? (textMode ? PLACEHOLDERS.text : PLACEHOLDERS.describeNeedsModel) : !canSearch ? PLACEHOLDERS.noModel : disabled && disabledReason ? [disabledReason] : textMode ? PLACEHOLDERS.text : PLACEHOLDERS.describe,
  );
  return (
    <div className="search-box" ref={box}>
      <svg className="search-box__icon" viewBox="0 0 24 24" aria-hidden="true">
        <circle cx="11" cy="11" r="7" />
        <path d="M20 20l-4-4" />
      </svg>
      <input
        ref={ref}
        type="search"
        role="searchbox"
        aria-label={textMode ? 'Search text in photos' : 'Search photos'}
        placeholder={placeholder}
        value={value}
        disabled={boxDisabled}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          // Esc empties the box and leaves the focus in it, for the next search (a blur would drop
          // it to the page: the next Tab would start again from the top).
          if (event.key === 'Escape') {
            onChange('');
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
          title={
            textOnly
              ? 'Text in photo: find the words written in photos (signs, receipts, screenshots). Works without a model'
              : 'Text in photo: find the words written in photos (signs, receipts, screenshots)'
          }
          disabled={disabled}
          onClick={() => onTextMode(!textMode)}
        >
          Text in photo
        </button>
      )}
    </div>
  );
});
