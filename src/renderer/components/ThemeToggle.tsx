import type { ThemeChoice } from '../hooks/useTheme';

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<ThemeChoice, string> = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' };
const ICON: Record<ThemeChoice, string> = { system: '◐', light: '☀', dark: '☾' };

/** Cycles system → light → dark. */
export function ThemeToggle({ theme, onChange }: { theme: ThemeChoice; onChange: (theme: ThemeChoice) => void }) {
  return (
    <button type="button" className="icon-button" title={`${LABEL[theme]} (click to change)`} aria-label={LABEL[theme]} onClick={() => onChange(NEXT[theme])}>
      <span aria-hidden="true">{ICON[theme]}</span>
    </button>
  );
}
