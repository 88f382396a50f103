// The sidebar's Label sets in "search and view only" (another device writes the library): the
// sets stay listed with their counts, as albums do, but nothing that would change them is offered.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LabelSetInfo } from '../../../src/shared/api';
import { ClientContext } from '../../../src/renderer/client/ClientContext';
import type { ShoeboxClient } from '../../../src/renderer/client/client';
import { LabelSetRow, LabelSetsSection } from '../../../src/renderer/components/tags/LabelSetsSection';
import { ViewingOnlyContext } from '../../../src/renderer/hooks/useViewingOnly';
import type { ScreenProps } from '../../../src/renderer/lib/screen';

const client = { transport: 'websocket', imageUrl: () => '', onConnectionChange: () => () => {}, on: () => () => {}, listLabelSets: () => new Promise(() => {}), tagCounts: () => new Promise(() => {}) } as unknown as ShoeboxClient;
const SET = { name: 'animals', labels: Array.from({ length: 21 }, (_, i) => `label ${i}`) } as unknown as LabelSetInfo;
const PROPS = { screen: { kind: 'photos' }, navigate: () => {} } as unknown as ScreenProps;

function render(node: React.ReactNode, viewingOnly: boolean): string {
  return renderToStaticMarkup(
    <ClientContext.Provider value={client}>
      <ViewingOnlyContext.Provider value={viewingOnly ? 'writer-elsewhere' : false}>{node}</ViewingOnlyContext.Provider>
    </ClientContext.Provider>,
  );
}

describe('label sets while another device writes the library', () => {
  it('lists a set with its counts and offers neither its editor nor its review', () => {
    const html = render(<LabelSetRow set={SET} viewingOnly tagged={1} selected={false} screenKind="photos" navigate={() => {}} />, true);
    expect(html).toContain('animals');
    expect(html).toContain('21 labels · 1 tag');
    expect(html).not.toContain('<button');
  });

  it('offers no "+ New" there, and does while this device may write', () => {
    expect(render(<LabelSetsSection {...PROPS} />, true)).not.toContain('New label set');
    expect(render(<LabelSetsSection {...PROPS} />, false)).toContain('New label set');
  });
});
