import { parisDate } from '../../domain/shared/dates.ts';
import { vigilanceBlockers } from '../../domain/vigilance/gate.ts';
import { isPurgeable, retentionEndsOn } from '../../domain/vigilance/retention.ts';
import { canReadRiskNotes, computedVigilanceLevel, withoutRiskNotes } from '../../domain/vigilance/risk.ts';
import type { Actor } from '../actor.ts';
import type { Deps, VigilanceFileEvent } from '../ports/index.ts';
import { getEngagementForFile } from './file-access.ts';
import { fileOrStarted, vigilanceStateOf } from './file-state.ts';
import { withEntryBirthDates } from './match-entries.ts';

/** R-F6: what a history row shows to someone who may not read the notes. */
const CONFIDENTIAL_KEYS = new Set(['notes', 'note']);
const redact = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, CONFIDENTIAL_KEYS.has(k) ? null : redact(v)]),
  );
};
export const redactEvent = (event: VigilanceFileEvent): VigilanceFileEvent => ({
  ...event,
  data: redact(event.data) as Record<string, unknown>,
});

/**
 * The engagement's LCB-FT file for the tab: prefilled when nobody started it, with its evidence,
 * matches (with their register entry's birth dates), open reviews, history and the gate's list; the
 * notes only for associés (R-F6).
 */
export const getVigilanceFile = async (
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  input: { engagementId: string },
) => {
  const scope = deps.store.read(actor.firmId);
  const engagement = await getEngagementForFile(scope, actor, input.engagementId);
  const today = parisDate(deps.clock.now());
  const [file, state, settings, evidence, matches, reviews, events] = await Promise.all([
    fileOrStarted(scope, engagement),
    vigilanceStateOf(scope, engagement.id),
    scope.vigilance.settings(),
    scope.vigilance.listEvidence(engagement.id),
    scope.vigilance
      .listMatches({ engagementId: engagement.id })
      .then((found) => withEntryBirthDates(scope, found)),
    scope.vigilance.listOpenReviews(engagement.id),
    scope.vigilance.listEvents(engagement.id),
  ]);
  const mayReadNotes = canReadRiskNotes(actor.role);
  const assessment = file.assessment && (mayReadNotes ? file.assessment : withoutRiskNotes(file.assessment));
  return {
    file: {
      ...file,
      assessment,
      computedLevel: file.assessment && computedVigilanceLevel(file.assessment),
      retentionEndsOn: retentionEndsOn(file.relationshipEndedOn),
      isPurgeable: isPurgeable(file.relationshipEndedOn, today),
    },
    controlsEnabled: settings.controlsEnabled,
    blockers: vigilanceBlockers(state, today),
    evidence,
    matches,
    reviews,
    history: mayReadNotes ? events : events.map(redactEvent),
  };
};
