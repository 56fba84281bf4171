import { randomUUID } from 'node:crypto';
import { PRICE_REASONS, recordServicePrice } from '../../src/application/catalogue/price-history.ts';
import type { Service } from '../../src/application/records.ts';
import type { TestContext } from '../support/test-app.ts';

/** A catalogue service with overrides, inserted straight through the store. */
export const aService = async (
  ctx: TestContext,
  firmId: string,
  createdBy: string,
  overrides: Partial<Service> = {},
): Promise<Service> => {
  const service: Service = {
    id: randomUUID(),
    code: `SRV-${randomUUID().slice(0, 6)}`,
    label: 'Tenue de la comptabilité',
    description: 'Saisie des pièces et rapprochements bancaires.',
    domain: 'comptable',
    recurrence: 'monthly',
    pricingMode: 'fixed',
    unitLabel: null,
    priceCents: 20_000,
    vatRateBp: 2000,
    professionalStandard: null,
    exclusions: 'Cette mission n’est ni un audit ni un examen limité des comptes.',
    taskSplit: [{ task: 'Transmission des pièces', who: 'client', frequency: 'mensuelle' }],
    archivedAt: null,
    version: 1,
    ...overrides,
  };
  await ctx.deps.store.transaction(firmId, async (scope) => {
    await scope.services.insert(service, ctx.clock.now());
    await recordServicePrice(ctx.deps, scope, {
      serviceId: service.id,
      priceCents: service.priceCents,
      at: ctx.clock.now(),
      changedBy: createdBy,
      reason: PRICE_REASONS.created,
    });
  });
  return service;
};

export const aTermsVersion = async (
  ctx: TestContext,
  firmId: string,
  input: { version: number; effectiveFrom: string; title?: string },
) => {
  const terms = {
    id: randomUUID(),
    version: input.version,
    title: input.title ?? `Conditions générales v${input.version}`,
    body: 'Article 1 — Objet. Les présentes conditions générales régissent les missions du cabinet.',
    effectiveFrom: input.effectiveFrom,
    createdAt: ctx.clock.now(),
  };
  await ctx.deps.store.read(firmId).terms.insert(terms);
  return terms;
};
