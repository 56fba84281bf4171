import { arePeriodsValid, type ReviewPeriods } from '../../domain/vigilance/reviews.ts';
import type { VigilanceSettings } from '../../domain/vigilance/vigilance-file.ts';
import { type Actor, assertIsAssocie } from '../actor.ts';
import { AppError } from '../app-error.ts';
import type { Deps } from '../ports/index.ts';

export const getVigilanceSettings = (deps: Pick<Deps, 'store'>, actor: Actor): Promise<VigilanceSettings> =>
  deps.store.read(actor.firmId).vigilance.settings();

/** R-F4: an associé sets the review periods and, for a firm taking LCB-FT on, switches the gate on. */
export const updateVigilanceSettings = async (
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  input: { controlsEnabled: boolean; periods: ReviewPeriods },
): Promise<VigilanceSettings> => {
  assertIsAssocie(actor);
  if (!arePeriodsValid(input.periods)) {
    throw new AppError('REQUEST.VALIDATION_FAILED', { periods: 'De 1 à 60 mois, en mois entiers.' });
  }
  const at = deps.clock.now();
  return deps.store.transaction(actor.firmId, (scope) => scope.vigilance.saveSettings(input, at));
};
