import { useEffect, useState } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'shoebox.theme';

function stored(): ThemeChoice {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

/** The user's theme choice, remembered; 'system' follows prefers-color-scheme (styles/theme.css). */
export function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const [choice, setChoice] = useState<ThemeChoice>(stored);
  useEffect(() => {
    const root = document.documentElement;
    if (choice === 'system') delete root.dataset['theme'];
    else root.dataset['theme'] = choice;
    try {
      localStorage.setItem(KEY, choice);
    } catch {
      // Storage can be unavailable (private windows); the choice then lasts this session.
    }
  }, [choice]);
  return [choice, setChoice];
}
