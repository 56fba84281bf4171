import { type LetterInForce, scopeInForce } from '../documents/scope.ts';
import { addDays, type IsoDate } from '../shared/dates.ts';
import type { Cents } from '../shared/money.ts';
import type { RevenueEngagement } from './recurring-revenue.ts';

/** R-G4: the movements between two dates, in the order the bridge shows them. */
export const BRIDGE_MOVEMENTS = [
  'new_clients',
  'amendment_increases',
  'revaluation_increases',
  'decreases',
  'terminations',
] as const;
export type BridgeMovement = (typeof BRIDGE_MOVEMENTS)[number];
export type Movements = Record<BridgeMovement, Cents>;

type Cause = 'termination' | 'replacement' | 'change';

const noMovement = (): Movements => ({
  new_clients: 0,
  amendment_increases: 0,
  revaluation_increases: 0,
  decreases: 0,
  terminations: 0,
});

/** Each day strictly after `from` and up to `to` on which a letter or amendment changes the scope. */
const changeDays = (engagement: RevenueEngagement, from: IsoDate, to: IsoDate): Map<IsoDate, Cause> => {
  const causes = new Map<IsoDate, Cause>();
  const note = (day: IsoDate | null, cause: Cause) => {
    if (day === null || day <= from || day > to) return;
    const known = causes.get(day);
    // Termination outranks a replacement, which outranks any other change of the same day.
    if (!known || cause === 'termination' || (cause === 'replacement' && known === 'change'))
      causes.set(day, cause);
  };
  const replacementDays = new Set(engagement.letters.map((l: LetterInForce) => l.replacedFrom));
  for (const letter of engagement.letters) {
    note(letter.effectiveDate, replacementDays.has(letter.effectiveDate) ? 'replacement' : 'change');
    note(letter.replacedFrom, 'replacement');
    note(letter.endDate ? addDays(letter.endDate, 1) : null, 'termination');
  }
  for (const amendment of engagement.amendments) note(amendment.effectiveDate, 'change');
  return causes;
};

/**
 * R-G4: one movement of the annual fees, put where the bridge shows it: a client who had none
 * and now has some is new (a former client reopened too); a termination is a loss; a rise on
 * the day a replacement letter starts is a revaluation, any other rise an amendment (or a new
 * letter); every other fall a decrease.
 */
export const classifyMovement = (before: Cents, after: Cents, cause: Cause): BridgeMovement => {
  if (before === 0 && after > 0) return 'new_clients';
  if (cause === 'termination') return 'terminations';
  if (after < before) return 'decreases';
  return cause === 'replacement' ? 'revaluation_increases' : 'amendment_increases';
};

export type ClientBridge = {
  readonly engagementId: string;
  readonly clientName: string;
  readonly startCents: Cents;
  readonly movements: Movements;
  readonly endCents: Cents;
};

/** R-G4: one engagement's bridge: the scope's fees day by day, each change classified. */
export const clientBridge = (engagement: RevenueEngagement, from: IsoDate, to: IsoDate): ClientBridge => {
  const startCents = scopeInForce(engagement, from).annualRecurringCents;
  const movements = noMovement();
  let current = startCents;
  for (const [day, cause] of [...changeDays(engagement, from, to)].sort(([a], [b]) => a.localeCompare(b))) {
    const next = scopeInForce(engagement, day).annualRecurringCents;
    if (next !== current) movements[classifyMovement(current, next, cause)] += next - current;
    current = next;
  }
  return {
    engagementId: engagement.engagementId,
    clientName: engagement.clientName,
    startCents,
    movements,
    endCents: current,
  };
};

export type RevenueBridge = {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly startCents: Cents;
  readonly movements: Movements;
  readonly endCents: Cents;
  /** The clients that moved, largest movement first. */
  readonly clients: readonly ClientBridge[];
};

/**
 * R-G4: the bridge of the annual recurring fees between two dates: start + new clients +
 * increases (amendments, revaluations) + decreases + terminations = end, to the cent, since each
 * client's movements are the steps of its own fees from one date to the other.
 */
export const revenueBridge = (
  engagements: readonly RevenueEngagement[],
  from: IsoDate,
  to: IsoDate,
): RevenueBridge => {
  const movements = noMovement();
  let startCents = 0;
  let endCents = 0;
  const clients: ClientBridge[] = [];
  for (const engagement of engagements) {
    const client = clientBridge(engagement, from, to);
    startCents += client.startCents;
    endCents += client.endCents;
    for (const key of BRIDGE_MOVEMENTS) movements[key] += client.movements[key];
    if (client.startCents !== client.endCents || BRIDGE_MOVEMENTS.some((k) => client.movements[k] !== 0))
      clients.push(client);
  }
  const size = (c: ClientBridge) => Math.abs(c.endCents - c.startCents);
  clients.sort((a, b) => size(b) - size(a) || a.clientName.localeCompare(b.clientName));
  return { from, to, startCents, movements, endCents, clients };
};
