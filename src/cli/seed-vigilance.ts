import type { Deps } from '../application/ports/index.ts';
import { DEFAULT_REVIEW_PERIODS } from '../domain/vigilance/reviews.ts';

/**
 * The demo and benchmark firms tell stories of letters sent over the past months, to clients whose
 * LCB-FT files nobody keyed in: their gate starts off (an associé turns it on in the settings),
 * where a firm created by `firm create` or the setup form has it on from the first day.
 */
export const seedWithoutVigilanceGate = (deps: Pick<Deps, 'store' | 'clock'>, firmId: string) =>
  deps.store.transaction(firmId, (scope) =>
    scope.vigilance.saveSettings(
      { controlsEnabled: false, periods: DEFAULT_REVIEW_PERIODS },
      deps.clock.now(),
    ),
  );
