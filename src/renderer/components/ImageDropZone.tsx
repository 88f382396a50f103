import { useEffect, useState } from 'react';

/**
 * Accepts an image dragged onto the window from outside (a file manager, another browser
 * tab) to search by. Shows an overlay while a file is held over the window.
 */
export function ImageDropZone({ onImage, enabled }: { onImage: (file: File) => void; enabled: boolean }) {
  const [over, setOver] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let depth = 0;
    const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth++;
      setOver(true);
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overHandler = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault(); // allows the drop
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault(); // the browser must not open the file instead
      depth = 0;
      setOver(false);
      const file = Array.from(event.dataTransfer?.files ?? [])[0];
      if (file) onImage(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('drop', drop);
    };
  }, [enabled, onImage]);
  if (!over) return null;
  return (
    <div className="drop-zone" data-testid="drop-zone">
      <div className="drop-zone__card">
        <strong>Drop an image</strong>
        <span>to find photos that look like it</span>
      </div>
    </div>
  );
}
