// Runs an action when a counter changes after the component mounted, never on mount: the
// grid's Delete and F presses are counters kept by the list (useListSelection), and the bar
// that acts on them mounts afresh with each new selection, when the count is already past 0
// (acting then would open the trash dialog, or mark photos, that nobody asked for now).
import { useEffect, useRef } from 'react';

export function useOnChange(value: number, action: () => void): void {
  const seen = useRef(value);
  useEffect(() => {
    if (value === seen.current) return;
    seen.current = value;
    action();
    // Only a new value acts; the action is read as it is then.
  }, [value]);
}
