import {
  defaultUnitLabel,
  defaultVatRateBp,
  needsUnitLabel,
} from '../../domain/catalogue/service-pricing.ts';
import { type Actor, assertIsAssocie } from '../actor.ts';
import { AppError, found, notStale } from '../app-error.ts';
import type { CatalogueDeps, FirmScope } from '../ports/index.ts';
import type { Service, ServiceFields, ServicePrice } from '../records.ts';
import { PRICE_REASONS, recordServicePrice } from './price-history.ts';

export type NewServiceInput = Pick<
  ServiceFields,
  'code' | 'label' | 'domain' | 'recurrence' | 'pricingMode' | 'priceCents'
> &
  Partial<ServiceFields>;

/** A letter must say what a unit price is per (DOMAIN.md, "What a letter must contain"). */
const assertUnitLabel = (fields: Pick<ServiceFields, 'pricingMode' | 'unitLabel'>): void => {
  if (needsUnitLabel(fields.pricingMode) && !fields.unitLabel) {
    throw new AppError('REQUEST.VALIDATION_FAILED', {
      fields: [
        {
          field: 'body.unitLabel',
          message:
            'Unité obligatoire pour un prix unitaire ou horaire : par exemple « bulletin », « déclaration » ou « heure ».',
        },
      ],
    });
  }
};

/** Codes are unique in the firm, archived services included (an archive can be restored). */
const assertCodeFree = async (scope: FirmScope, code: string, exceptId?: string): Promise<void> => {
  const services = await scope.services.list({ includeArchived: true });
  if (services.some((service) => service.code === code && service.id !== exceptId)) {
    throw new AppError('SERVICE.CODE_TAKEN', { code });
  }
};

export const listServices = (deps: CatalogueDeps, actor: Actor, input: { includeArchived: boolean }) =>
  deps.store.read(actor.firmId).services.list(input);

/** A service with every price it has had, newest first (R-D4). */
export const getService = async (
  deps: CatalogueDeps,
  actor: Actor,
  input: { serviceId: string },
): Promise<Service & { priceHistory: ServicePrice[] }> => {
  const scope = deps.store.read(actor.firmId);
  const service = found(await scope.services.find(input.serviceId), 'service');
  return { ...service, priceHistory: await scope.services.priceHistory(service.id) };
};

export const createService = (
  deps: CatalogueDeps,
  actor: Actor,
  input: NewServiceInput,
): Promise<Service> => {
  assertIsAssocie(actor);
  const service: Service = {
    description: null,
    professionalStandard: null,
    exclusions: null,
    taskSplit: [],
    ...input,
    unitLabel: input.unitLabel ?? defaultUnitLabel(input.pricingMode),
    vatRateBp: input.vatRateBp ?? defaultVatRateBp(input.pricingMode),
    id: deps.ids.uuid(),
    archivedAt: null,
    version: 1,
  };
  assertUnitLabel(service);
  return deps.store.transaction(actor.firmId, async (scope) => {
    await assertCodeFree(scope, service.code);
    const at = deps.clock.now();
    await scope.services.insert(service, at);
    await recordServicePrice(deps, scope, {
      serviceId: service.id,
      priceCents: service.priceCents,
      at,
      changedBy: actor.userId,
      reason: PRICE_REASONS.created,
    });
    return service;
  });
};

/** A price changed here is kept in the price history (R-D4). */
export const updateService = (
  deps: CatalogueDeps,
  actor: Actor,
  input: { serviceId: string; version: number; fields: Partial<ServiceFields> },
): Promise<Service> => {
  assertIsAssocie(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    const current = found(await scope.services.find(input.serviceId), 'service');
    const fields = { ...input.fields };
    if (fields.pricingMode && fields.unitLabel === undefined && !current.unitLabel) {
      fields.unitLabel = defaultUnitLabel(fields.pricingMode);
    }
    assertUnitLabel({ ...current, ...fields });
    if (fields.code && fields.code !== current.code) await assertCodeFree(scope, fields.code, current.id);
    const at = deps.clock.now();
    const updated = notStale(
      await scope.services.update({ id: current.id, expectedVersion: input.version, fields, at }),
    );
    if (updated.priceCents !== current.priceCents) {
      await recordServicePrice(deps, scope, {
        serviceId: updated.id,
        priceCents: updated.priceCents,
        at,
        changedBy: actor.userId,
        reason: PRICE_REASONS.edited,
      });
    }
    return updated;
  });
};

/**
 * A service is archived, never deleted: signed letters keep pointing to it. Archiving an archived
 * service (or restoring an active one) changes nothing and answers the service as it is.
 */
export const setServiceArchived = (
  deps: CatalogueDeps,
  actor: Actor,
  input: { serviceId: string; archived: boolean; version?: number },
): Promise<Service> => {
  assertIsAssocie(actor);
  return deps.store.transaction(actor.firmId, async (scope) => {
    const current = found(await scope.services.find(input.serviceId), 'service');
    if ((current.archivedAt !== null) === input.archived) return current;
    const at = deps.clock.now();
    return notStale(
      await scope.services.update({
        id: current.id,
        expectedVersion: input.version ?? current.version,
        fields: { archivedAt: input.archived ? at : null },
        at,
      }),
    );
  });
};
