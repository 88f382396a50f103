import { useRef } from 'react';

/** Picks an image file to search by: the keyboard and screen-reader way to the drop zone. */
export function SearchByImageButton({ onFile, disabled }: { onFile: (file: File) => void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="button" disabled={disabled} onClick={() => input.current?.click()} title="Find photos that look like an image (or drop one on the window)">
        Search by image…
      </button>
      <input
        ref={input}
        type="file"
        accept="image/*"
        hidden
        data-testid="search-by-image-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onFile(file);
          event.target.value = '';
        }}
      />
    </>
  );
}
