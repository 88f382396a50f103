// The app's damage panel (Repair library) shows for the library's damage as the core tells it
// (a read's LibraryDamagedError, by its name; status' `damaged`), never for a line that only
// reads like it: a copy's "library damaged: …"-looking message is no damage of this library,
// and the damage said in other words is still damage.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LibraryDamagedError } from '../../../src/core/store/store-health';
import { RemoteError, errorBody } from '../../../src/shared/rpc';
import { EngineError } from '../../../src/renderer/components/EngineError';
import { damageLineOf, isDamage } from '../../../src/renderer/lib/library-damage';
import type { RepairJob } from '../../../src/renderer/hooks/useRepairJob';

const REPAIR: RepairJob = { start: () => {}, dismiss: () => {}, running: false, done: null, error: null };

/** As the page receives `error` over the RPC. */
const received = (error: Error) => new RemoteError(JSON.parse(JSON.stringify(errorBody(error))));

describe('the library’s damage, told by the error’s name', () => {
  it('a read refused for damage is damage, its line as the core wrote it, whatever its words', () => {
    const damage = new LibraryDamagedError([{ table: 'favourites', reason: 'a data file is missing' }]);
    expect(damageLineOf(null, received(damage))).toBe(damage.message);
    const reworded = Object.assign(new Error('the favourites table is unreadable'), { name: 'LibraryDamagedError' });
    expect(isDamage(received(reworded))).toBe(true);
  });

  it('a line that only reads like damage is not', () => {
    const lookalike = new Error("library damaged: favourites cannot be read (a data file is missing); run 'shoebox repair'");
    expect(isDamage(received(lookalike))).toBe(false);
    expect(damageLineOf(received(lookalike))).toBeNull();
  });

  it('the panel offers the repair when told the message is damage, not by its words', () => {
    const line = "library damaged: favourites cannot be read (a data file is missing); run 'shoebox repair'";
    expect(renderToStaticMarkup(<EngineError message={line} onRetry={() => {}} repair={REPAIR} />)).toContain('Shoebox cannot open the library');
    const damaged = renderToStaticMarkup(<EngineError message="the favourites table is unreadable" damaged onRetry={() => {}} repair={REPAIR} />);
    expect(damaged).toContain('The library is damaged');
    expect(damaged).toContain('Repair library');
  });
});
