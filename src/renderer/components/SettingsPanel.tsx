import { useRef, useEffect } from 'react';
import type { ExecutionProviderName } from '../../shared/api';
import { useClient } from '../client/ClientContext';
import { useAsync } from '../hooks/useAsync';
import { useKeydown } from '../hooks/useShortcut';
import type { ThemeChoice } from '../hooks/useTheme';
import { ModelSection } from './settings/ModelSection';
import { TextSection } from './settings/TextSection';
import { DescriptionsSection } from './settings/DescriptionsSection';
import { LibrarySection } from './settings/LibrarySection';
import { describeAdapter, describeMeasured } from './StatusBar';
import { ShortcutsList } from './ShortcutsList';
import { useReturnFocus } from '../hooks/useReturnFocus';
import { useFocusTrap } from '../hooks/useFocusTrap';

export const PROVIDER_LABELS: Record<ExecutionProviderName, string> = {
  cuda: 'CUDA (NVIDIA GPU)',
  dml: 'DirectML (GPU)',
  coreml: 'Core ML',
  webgpu: 'WebGPU (any GPU)',
  cpu: 'CPU',
};

interface SettingsPanelProps {
  theme: ThemeChoice;
  onTheme: (theme: ThemeChoice) => void;
  onClose: () => void;
}

/** Models (install, switch), where inference runs, the data folder, the theme and the shortcuts. */
export function SettingsPanel({ theme, onTheme, onClose }: SettingsPanelProps) {
  const client = useClient();
  // Read again after a model is installed or switched to: the provider is known once one loads.
  const [info, reloadInfo] = useAsync(() => client.info(), [client]);
  const panel = useRef<HTMLDivElement>(null);
  useReturnFocus();
  useEffect(() => panel.current?.focus(), []);
  useFocusTrap(panel);
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

        <LibrarySection />

        <section>
          <h3>Inference</h3>
          {info.status === 'ready' && (
            <dl className="metadata">
              <div className="metadata__row">
                <dt>Runs on</dt>
                <dd>{info.value.providers.inUse ? PROVIDER_LABELS[info.value.providers.inUse] : 'not loaded yet'}</dd>
              </div>
              <div className="metadata__row">
                <dt>Available</dt>
                <dd>{info.value.providers.available.map((p) => PROVIDER_LABELS[p]).join(', ') || 'none'}</dd>
              </div>
              {describeAdapter(info.value.providers.adapter) && (
                <div className="metadata__row">
                  <dt>GPU adapter</dt>
                  <dd>{describeAdapter(info.value.providers.adapter)}</dd>
                </div>
              )}
              {describeMeasured(info.value.providers.measured) && (
                <div className="metadata__row">
                  <dt>Measured</dt>
                  <dd>{describeMeasured(info.value.providers.measured)}</dd>
                </div>
              )}
              {info.value.providers.fallbackReason && (
                <div className="metadata__row">
                  <dt>Fallback</dt>
                  <dd>{info.value.providers.fallbackReason}</dd>
                </div>
              )}
              <div className="metadata__row">
                <dt>Data folder</dt>
                <dd>{info.value.home}</dd>
              </div>
              <div className="metadata__row">
                <dt>Version</dt>
                <dd>
                  Shoebox {info.value.version} · {info.value.platform} · {client.transport === 'ipc' ? 'desktop app' : 'shoebox serve'}
                </dd>
              </div>
            </dl>
          )}
          {info.status === 'error' && <p className="form-error">{info.message}</p>}
        </section>

        <section>
          <h3>Appearance</h3>
          <div className="segmented" role="radiogroup" aria-label="Theme">
            {(['system', 'light', 'dark'] as const).map((choice) => (
              <label key={choice} className={theme === choice ? 'segmented__item segmented__item--on' : 'segmented__item'}>
                <input type="radio" name="theme" value={choice} checked={theme === choice} onChange={() => onTheme(choice)} />
                {choice === 'system' ? 'System' : choice === 'light' ? 'Light' : 'Dark'}
              </label>
            ))}
          </div>
        </section>

        <section>
          <h3>Keyboard</h3>
          <ShortcutsList />
        </section>
      </div>
    </div>
  );
}
