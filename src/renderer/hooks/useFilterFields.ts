// The filter bar's fields as typed, and the fields the results follow: those once typing has
// paused (a camera's name is not searched letter by letter), or at once when they come from
// the URL (a reload, Back, Forward: the results are the entry's from the start, never first
// the fields before it).
import { useCallback, useEffect, useState } from 'react';
import type { FilterFields } from '../lib/filters';

const TYPING_PAUSE_MS = 300;

export interface FilterFieldsState {
  fields: FilterFields;
  /** What the results are narrowed by. */
  settled: FilterFields;
  /** The bar's change: the results follow once typing pauses. */
  setFields: (fields: FilterFields) => void;
  /** The URL's fields: the bar and the results both, now. */
  restore: (fields: FilterFields) => void;
}

export function useFilterFields(initial: FilterFields): FilterFieldsState {
  const [fields, setFields] = useState(initial);
  const [settled, setSettled] = useState(initial);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(fields), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [fields]);
  const restore = useCallback((to: FilterFields) => {
    setFields(to);
    setSettled(to);
  }, []);
  return { fields, settled, setFields, restore };
}
