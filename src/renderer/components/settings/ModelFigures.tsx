import type { ModelInfo } from '../../../shared/api';

/** Language codes people read more easily as names ("mul" is the catalog's "many"). */
const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

function languageName(code: string): string {
  if (code === 'mul') return 'many languages';
  try {
    return LANGUAGE_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * A catalog model's published figures (recall per language, speed, memory) with their source,
 * the same ones `shoebox models list` prints: enough to pick by language and machine. They are
 * the publisher's measurements, and the line says so.
 */
export function ModelFigures({ model }: { model: ModelInfo }) {
  const figures = model.benchmark;
  const parts: string[] = [];
  if (model.languages.length > 0) parts.push(`Search in ${model.languages.map(languageName).join(', ')}`);
  if (figures) {
    const recall = Object.entries(figures.recall).map(([lang, value]) => `${languageName(lang)} ${value.toFixed(1)}%`);
    parts.push(`Recall (Crossmodal-3600): ${recall.join(', ')}`);
    parts.push(`${figures.ms} ms per photo and ${figures.memoryMiB} MiB on the publisher's CPU`);
  } else if (model.source === 'catalog') {
    parts.push('no published recall or speed figures');
  }
  if (parts.length === 0) return null;
  // Plain text, not a link: the app opens no other windows; the address can be copied.
  return (
    <p className="muted small settings__model-wide" aria-label={`${model.id} figures`}>
      {parts.join(' · ')}
      {figures && (
        <>
          {' · Source: '}
          <code>{figures.source}</code>
        </>
      )}
    </p>
  );
}
