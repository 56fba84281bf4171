import {
  type ConversionOrigin,
  decideConversion,
  formatClientCode,
} from '../../domain/engagements/engagement.ts';
import type { Actor } from '../actor.ts';
import { found, unwrap } from '../app-error.ts';
import { recordEvent } from '../events.ts';
import type { FirmScope } from '../ports/index.ts';
import type { Engagement } from '../records.ts';

/**
 * R-A4, R-A6, R-A7 in the caller's transaction: the engagement row is locked, the domain decides
 * (a client stays as it is, or is refused when converted by hand), the client code is drawn from
 * the firm's gapless series, and the conversion is recorded in the history.
 */
export const convertEngagementInScope = async (
  scope: FirmScope,
  input: { engagementId: string; origin: ConversionOrigin; actor: Actor | null; at: Date; data?: object },
): Promise<Engagement> => {
  const engagement = found(
    await scope.engagements.find(input.engagementId, { forUpdate: true }),
    'engagement',
  );
  if (unwrap(decideConversion(engagement, input.origin)) === 'unchanged') return engagement;
  const firm = await scope.firm.get();
  const clientCode = formatClientCode(firm.clientCodePrefix, await scope.counters.next('client-code'));
  const converted = await scope.engagements.convert(engagement.id, { clientCode, convertedAt: input.at });
  await recordEvent(scope, {
    type: 'engagement.converted',
    actor: input.actor,
    at: input.at,
    engagementId: engagement.id,
    documentId: input.origin.type === 'letter_signed' ? input.origin.documentId : null,
    before: { state: 'prospect' },
    after: { state: 'client', clientCode },
    data:
      input.origin.type === 'manual'
        ? { reason: input.origin.reason, manual: true, ...input.data }
        : input.data,
  });
  return converted;
};
