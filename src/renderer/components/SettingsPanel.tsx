import { useRef, useEffect, type RefObject } from 'react';
import { useClient } from '../client/ClientContext';
import { useAsync } from '../hooks/useAsync';
import { useKeydown } from '../hooks/useShortcut';
import type { ThemeChoice } from '../hooks/useTheme';
import { ModelSection } from './settings/ModelSection';
import { TextSection } from './settings/TextSection';
import { DescriptionsSection } from './settings/DescriptionsSection';
import { LibrarySection } from './settings/LibrarySection';
import { InferenceSection } from './settings/InferenceSection';
import { ShortcutsList } from './ShortcutsList';
import { useReturnFocus } from '../hooks/useReturnFocus';
import { useFocusTrap } from '../hooks/useFocusTrap';

interface SettingsPanelProps {
  theme: ThemeChoice;
  onTheme: (theme: ThemeChoice) => void;
  onClose: () => void;
  /** The section to open at ('model', 'library': its heading's id, settings-<section>-title), else the top. */
  section?: string | null;
  /** The section now at the top as the panel is scrolled (null: the panel's own top), for the URL. */
  onSection?: (section: string | null) => void;
}

/** Models (install, switch), where inference runs, the data folder, the theme and the shortcuts. */
export function SettingsPanel({ theme, onTheme, onClose, section = null, onSection }: SettingsPanelProps) {
  const client = useClient();
  // Read again after a model is installed or switched to: the provider is known once one loads.
  const [info, reloadInfo] = useAsync(() => client.info(), [client]);
  const panel = useRef<HTMLDivElement>(null);
  useReturnFocus();
  useEffect(() => panel.current?.focus(), []);
  useFocusTrap(panel);
  useSectionInView(panel, section, onSection);
  useKeydown((event) => {
    if (event.key !== 'Escape') return false;
    onClose();
    return true;
  });

  return (
    <div className="overlay" onClick={(event) => event.target === event.currentTarget && onClose()}>
      <div className="settings" role="dialog" aria-modal="true" aria-label="Settings" ref={panel} tabIndex={-1}>
        <div className="settings__head">
          <h2>Settings</h2>
          <button type="button" className="icon-button" aria-label="Close settings" onClick={onClose}>
            ×
          </button>
        </div>

        <ModelSection onChanged={reloadInfo} />

        <TextSection />

        <DescriptionsSection />

        <LibrarySection library={info.status === 'ready' ? (info.value.library ?? null) : null} />

        <InferenceSection info={info} />

        <section aria-labelledby="settings-appearance-title">
          <h3 id="settings-appearance-title">Appearance</h3>
          <div className="segmented" role="radiogroup" aria-label="Theme">
            {(['system', 'light', 'dark'] as const).map((choice) => (
              <label key={choice} className={theme === choice ? 'segmented__item segmented__item--on' : 'segmented__item'}>
                <input type="radio" name="theme" value={choice} checked={theme === choice} onChange={() => onTheme(choice)} />
                {choice === 'system' ? 'System' : choice === 'light' ? 'Light' : 'Dark'}
              </label>
            ))}
          </div>
        </section>

        <section aria-labelledby="settings-keyboard-title">
          <h3 id="settings-keyboard-title">Keyboard</h3>
          <ShortcutsList />
        </section>
      </div>
    </div>
  );
}

/** A section's name, from its heading's id (settings-library-title: 'library'). */
function sectionName(section: Element): string | null {
  return /^settings-(.+)-title$/.exec(section.querySelector('h3')?.id ?? '')?.[1] ?? null;
}

/**
 * Opened at `section` (a reload, Back), the panel shows it at its top, and keeps it there while
 * what is above it (the models list) loads, until the user scrolls. As the user scrolls, the
 * section at the top is said to `onSection` (once per change).
 */
function useSectionInView(panel: RefObject<HTMLDivElement | null>, section: string | null, onSection: ((section: string | null) => void) | undefined) {
  const latest = useRef(onSection);
  latest.current = onSection;
  useEffect(() => {
    const box = panel.current;
    if (!box) return;
    const sections = () => [...box.querySelectorAll(':scope > section')];
    const target = () => sections().find((s) => sectionName(s) === section);
    // Held at its section until the user moves the panel themselves.
    let held = section !== null;
    const hold = () => {
      if (held) target()?.scrollIntoView({ block: 'start' });
    };
    hold();
    const resized = new ResizeObserver(hold);
    for (const s of sections()) resized.observe(s);
    const letGo = () => {
      held = false;
    };
    let shown = section;
    const onScroll = () => {
      if (held) return;
      const top = box.getBoundingClientRect().top;
      // The last section whose beginning has reached the top.
      const atTop = sections().filter((s) => s.getBoundingClientRect().top <= top + 8);
      const name = atTop.length ? sectionName(atTop[atTop.length - 1]!) : null;
      if (name === shown) return;
      shown = name;
      latest.current?.(name);
    };
    const events = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const;
    for (const event of events) box.addEventListener(event, letGo, { passive: true });
    box.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      resized.disconnect();
      for (const event of events) box.removeEventListener(event, letGo);
      box.removeEventListener('scroll', onScroll);
    };
    // Held at the section it opened at only: later ones come from its own scrolling.
  }, []);
}
