import { expect } from 'vitest';
import type { ApiResponse } from '../../support/api-client.ts';

let serviceCounter = 0;

/** A catalogue service body with overrides; each call gets its own code. */
export const aServiceBody = (overrides: Record<string, unknown> = {}) => {
  serviceCounter += 1;
  return {
    code: `SVC-${serviceCounter}`,
    label: 'Tenue de la comptabilité',
    domain: 'comptable',
    recurrence: 'monthly',
    pricingMode: 'fixed',
    priceCents: 15000,
    ...overrides,
  };
};

export const aTermsBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'Conditions générales d’intervention',
  body: 'Article 1 — Objet. '.repeat(200),
  effectiveFrom: '2026-01-01',
  ...overrides,
});

/** An RFC 9457 answer with our code. */
export const expectProblem = (response: ApiResponse, status: number, code: string) => {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(String(response.headers['content-type'])).toContain('application/problem+json');
};

/** A 400 naming the invalid field, with a French message. */
export const expectInvalidField = (response: ApiResponse, field: string) => {
  expectProblem(response, 400, 'REQUEST.VALIDATION_FAILED');
  const fields = response.body.details.fields as { field: string; message: string }[];
  const match = fields.find((f) => f.field === field);
  expect(match, JSON.stringify(fields)).toBeDefined();
  return match?.message ?? '';
};
