import type { ModelInfo, ModelOffer } from '../../../shared/api';
import { modelSizeText } from './model-size';

/**
 * What the library's photos were embedded with, and how this device gets that model (the
 * engine's offer; `command` is how `shoebox status` says it): another model would work too,
 * but would embed every photo again.
 */
export function LibraryModelText({ offer, model, inSettings = false }: { offer: ModelOffer; model: ModelInfo | undefined; inSettings?: boolean }) {
  const size = model && !model.installed ? modelSizeText(model) : null;
  const name = <strong>{offer.id}</strong>;
  const another = inSettings ? 'Another model' : 'Another model (Settings → Model)';
  switch (offer.bring) {
    case 'install':
      return (
        <>
          This library&apos;s photos were embedded with {name}: install it{size ? ` (${size})` : ''} to search and index here. {another}{' '}
          would embed every photo again.
        </>
      );
    case 'use':
      return (
        <>
          This library&apos;s photos were embedded with {name}, which is installed on this device but not in use: use it to search and
          index here.
        </>
      );
    case 'chosen':
      return <>This library&apos;s photos were embedded with {name}, installed on this device: the library opens with it once it can.</>;
    case 'import':
      return (
        <>
          This library&apos;s photos were embedded with {name}, which is not in the model catalog (a model folder brought to the device
          that indexed them): to search and index here, bring that folder from a terminal, <code>{offer.command}</code>, then check
          again. {another} would embed every photo again.
        </>
      );
  }
}
