import { type Actor, assertIsAssocie } from '../actor.ts';
import { notStale } from '../app-error.ts';
import type { Deps } from '../ports/index.ts';
import type { Firm, FirmIdentity } from '../records.ts';

export type FirmSettingsFields = Partial<
  FirmIdentity & {
    clientCodePrefix: string;
    accentColor: string | null;
    signatureReminderDays: number[];
    signingPeriodDays: number;
    signedCopyAccessDays: number;
    dpoEmail: string | null;
    revisionClauseByDefault: boolean;
  }
>;

/** The firm's legal identity, printed on every letter: any user of the firm may read it. */
export const getFirmSettings = (deps: Deps, actor: Actor): Promise<Firm> =>
  deps.store.read(actor.firmId).firm.get();

/**
 * An associé edits the firm's identity and client code prefix. A new prefix applies to the next
 * client codes only: codes already given stay as they are (they are printed on signed letters).
 */
export const updateFirmSettings = (
  deps: Deps,
  actor: Actor,
  input: { version: number; fields: FirmSettingsFields },
): Promise<Firm> => {
  assertIsAssocie(actor);
  return deps.store.transaction(actor.firmId, async (scope) =>
    notStale(
      await scope.firm.update({
        id: actor.firmId,
        expectedVersion: input.version,
        fields: input.fields,
        at: deps.clock.now(),
      }),
    ),
  );
};
