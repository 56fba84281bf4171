import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { DEFAULT_REVIEW_PERIODS } from '../../src/domain/vigilance/reviews.ts';
import type { Api } from '../support/api-client.ts';
import { anAssessment } from './vigilance.ts';

/** A one-page PDF's first bytes: enough for an evidence document (%PDF-1.4). */
export const A_PDF_BASE64 = Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj <<>> endobj\n%%EOF\n').toString(
  'base64',
);

/** The firm's LCB-FT gate on, as for a real firm (the test firms start with it off). */
export const enableVigilanceControls = async (associe: Api, periods = DEFAULT_REVIEW_PERIODS) => {
  const res = await associe.put('/vigilance/settings', { controlsEnabled: true, periods });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};

const evidence = async (api: Api, engagementId: string, body: Record<string, unknown>) => {
  const res = await api.post(`/engagements/${engagementId}/vigilance/evidence`, {
    fileName: 'justificatif.pdf',
    contentType: 'application/pdf',
    base64: A_PDF_BASE64,
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};

/**
 * R-F1: the prefilled file completed (the representative's birth, the statement that no one holds
 * more than 25 %, Kbis, owners' register extract and identity card checked), with `person` changes.
 */
export const identifyClient = async (
  api: Api,
  engagementId: string,
  person: { firstNames?: string; lastName?: string; birthDate?: string } = {},
) => {
  const file = (await api.get(`/engagements/${engagementId}/vigilance`)).body;
  const [rep] = file.file.identification.representatives;
  const representative = {
    ...rep,
    birthDate: '1975-04-12',
    birthPlace: 'Lyon',
    nationality: 'française',
    ...person,
  };
  const res = await api.put(`/engagements/${engagementId}/vigilance/identification`, {
    ...file.file.identification,
    representatives: [representative],
    noBeneficialOwnerOver25: true,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  await evidence(api, engagementId, { kind: 'kbis' });
  await evidence(api, engagementId, { kind: 'beneficial_owners_register' });
  await evidence(api, engagementId, {
    kind: 'identity_document',
    personId: representative.id,
    documentNumber: '12AB34567',
    expiresOn: '2031-01-01',
  });
  return representative.id as string;
};

/** R-F2: an assessment (low everywhere by default: simplified vigilance). */
export const assess = (api: Api, engagementId: string, overrides: Parameters<typeof anAssessment>[0] = {}) =>
  api.put(`/engagements/${engagementId}/vigilance/assessment`, anAssessment(overrides));

/** A file the gate lets through: identified and assessed (simplified vigilance). */
export const completeVigilanceFile = async (api: Api, engagementId: string) => {
  await identifyClient(api, engagementId);
  const res = await assess(api, engagementId);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.blockers).toEqual([]);
};

/** The Treasury register's extract shipped for tests (test/fixtures, the JSON format it publishes). */
export const A_FREEZE_REGISTER = JSON.parse(
  readFileSync(new URL('../fixtures/gels-avoirs-extrait.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/**
 * An engagement's file identified with evidence, its representative matching an entry of the
 * register imported (R-F5): the ids the robustness suites aim at.
 */
export const aFileWithEvidenceAndMatch = async (associe: Api, engagementId: string) => {
  const imported = await associe.post('/vigilance/register', A_FREEZE_REGISTER);
  expect(imported.status, JSON.stringify(imported.body)).toBe(202);
  await identifyClient(associe, engagementId, {
    firstNames: 'Mohamed',
    lastName: 'Elhaddad',
    birthDate: '1970-03-12',
  });
  const file = (await associe.get(`/engagements/${engagementId}/vigilance`)).body;
  expect(file.matches, JSON.stringify(file)).toHaveLength(1);
  return { evidenceId: file.evidence[0].id as string, matchId: file.matches[0].id as string };
};
