// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../test/render.tsx';
import { DocumentPage } from './document-page.tsx';

const ENGAGEMENT = '00000000-0000-4000-8000-0000000000e1';
const LETTER = '00000000-0000-4000-8000-0000000000a1';
const FM = '00000000-0000-4000-8000-0000000000f1';

const totals = {
  totalHtCents: 0,
  vat: [],
  totalVatCents: 0,
  totalTtcCents: 0,
  annualRecurringHtCents: 0,
  oneOffHtCents: 0,
  monthlyInstalmentsCents: [],
};
const documentOf = (fields: Record<string, unknown>) => ({
  engagementId: ENGAGEMENT,
  notes: null,
  validUntil: null,
  effectiveDate: null,
  durationMonths: 12,
  renewal: 'tacit',
  noticeMonths: 3,
  paymentTerms: null,
  revisionClause: null,
  termsVersionId: null,
  firmSignatoryId: null,
  amendsLetterId: null,
  sourceProposalId: null,
  duplicatedFromId: null,
  coefficient: null,
  replacesIds: [],
  totals,
  sentAt: null,
  signedAt: null,
  refusedAt: null,
  refusalReason: null,
  expiredAt: null,
  cancelledAt: null,
  cancelReason: null,
  replacedAt: null,
  replacedById: null,
  createdBy: '00000000-0000-4000-8000-0000000000u1',
  version: 2,
  createdAt: '2027-09-15T08:00:00.000Z',
  updatedAt: '2027-09-15T08:00:00.000Z',
  lines: [],
  isFrozen: false,
  pdfSha256: null,
  ...fields,
});
const viewOf = (document: Record<string, unknown>) => ({
  document,
  signatures: [],
  requiredSignatures: ['client', 'firm'],
  availableActions: ['send', 'cancel'],
  createdLetterId: null,
  outsideScopeLineIds: [],
  amendmentImpact: null,
  term: null,
});

const terminationLetter = documentOf({
  id: FM,
  kind: 'termination_letter',
  status: 'draft',
  number: null,
  title: 'Lettre de fin de mission',
});
const endedLetter = documentOf({
  id: LETTER,
  kind: 'engagement_letter',
  status: 'signed',
  number: 'LM-2027-0001',
  title: 'Lettre de mission',
});
const termination = (overrides: Record<string, unknown>) => ({
  id: '00000000-0000-4000-8000-0000000000t1',
  letterId: LETTER,
  engagementId: ENGAGEMENT,
  requestedBy: 'client',
  reason: 'Cession du fonds de commerce',
  noticeGivenOn: '2027-09-15',
  endDate: '2027-12-31',
  earliestEndDate: '2027-12-31',
  agreedOtherwise: false,
  noticeRespected: true,
  reasonConfidential: false,
  terminationDocumentId: FM,
  terminationDocument: { id: FM, number: null, status: 'draft', version: 2, sentAt: null, signedAt: null },
  registeredMailNumber: null,
  registeredMailSentOn: null,
  recordedBy: '00000000-0000-4000-8000-0000000000u1',
  recordedAt: '2027-09-15T08:00:00.000Z',
  ...overrides,
});
const scopeLine = (fields: Record<string, unknown>) => ({
  letterId: LETTER,
  serviceId: null,
  unitLabel: null,
  quantity: '1',
  vatRateBp: 2000,
  ...fields,
});
const scope = {
  date: '2027-12-31',
  letters: [
    {
      letterId: LETTER,
      number: 'LM-2027-0001',
      effectiveDate: '2027-01-01',
      lines: [
        scopeLine({
          lineId: 'l1',
          label: 'Tenue de la comptabilité',
          unitPriceCents: 10_000,
          recurrence: 'monthly',
        }),
        scopeLine({
          lineId: 'l2',
          label: 'Bulletins de paie',
          unitLabel: 'bulletins',
          quantity: '2',
          unitPriceCents: 2_500,
          recurrence: 'monthly',
        }),
      ],
      annualRecurringCents: 180_000,
    },
  ],
  lines: [],
  annualRecurringCents: 180_000,
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const page = (items: unknown[]) => ({ items, total: items.length, page: 1, pageSize: 200 });

/** The API as the letter of termination's page reads it; anything else is not found. */
const stubApi = (terminationFacts: Record<string, unknown> = {}) => {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://localhost');
      asked.push(`${url.pathname}${url.search}`);
      const path = url.pathname.replace('/api/v1', '');
      if (path === '/auth/session') return json({ id: 'u1', name: 'Claire Dupré', role: 'associe' });
      if (path === `/documents/${FM}`) return json(viewOf(terminationLetter));
      if (path === `/documents/${LETTER}`) return json(viewOf(endedLetter));
      if (path === `/engagements/${ENGAGEMENT}/terminations`)
        return json(page([termination(terminationFacts)]));
      if (path === `/engagements/${ENGAGEMENT}/scope`) return json(scope);
      return json({ type: 'about:blank', title: 'Introuvable', status: 404 }, 404);
    }),
  );
  return asked;
};

const renderPage = () =>
  renderInApp(
    <MemoryRouter initialEntries={[`/documents/${FM}`]}>
      <Routes>
        <Route path="/documents/:id" element={<DocumentPage />} />
      </Routes>
    </MemoryRouter>,
  );

describe('R-G1 the page of a letter of termination', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('R-G1 shows what the letter says (letter ended, end date, who, notice, services), no empty lines table', async () => {
    const asked = stubApi();
    renderPage();
    const facts = await screen.findByTestId('termination-facts');
    expect(screen.queryByRole('table', { name: 'Lignes de mission' })).toBeNull();
    const ended = await within(facts).findByRole('link', { name: 'Lettre de mission LM-2027-0001' });
    expect(ended.getAttribute('href')).toBe(`/documents/${LETTER}`);
    const text = (facts.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ');
    for (const phrase of [
      'Fin de mission31/12/2027 (dernier jour couvert ; la lettre cesse de produire effet à compter du 01/01/2028)',
      'À la demande deClient',
      'MotifCession du fonds de commerce',
      'Date de notification15/09/2027',
      'PréavisRespecté : la mission pouvait prendre fin au plus tôt le 31/12/2027',
    ])
      expect(text).toContain(phrase);
    const services = await screen.findByRole('table', { name: 'Missions qui prennent fin' });
    const rows = within(services)
      .getAllByRole('row')
      .map((row) => (row.textContent ?? '').replace(/[\u00a0\u202f]/g, ' '));
    expect(rows).toEqual([
      'MissionRécurrenceQuantitéAnnuel HT',
      'Tenue de la comptabilitéMensuelle11 200,00 €',
      'Bulletins de paieMensuelle2 bulletins600,00 €',
      'Total des honoraires annuels récurrents1 800,00 €',
    ]);
    // The services are the letter's scope on its end date (R-C3), its amendments applied.
    expect(asked).toContain(`/api/v1/engagements/${ENGAGEMENT}/scope?date=2027-12-31`);
  });

  it('R-G1 says when the parties waived the notice, and that the firm ended it', async () => {
    stubApi({ requestedBy: 'firm', noticeRespected: false, agreedOtherwise: true, endDate: '2027-10-31' });
    renderPage();
    const facts = await screen.findByTestId('termination-facts');
    const text = (facts.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ');
    expect(text).toContain('À la demande deCabinet');
    expect(text).toContain(
      'Les parties y renoncent d’un commun accord (sans cet accord, fin au plus tôt le 31/12/2027)',
    );
    expect(text).toContain('31/10/2027 (dernier jour couvert');
  });
});

describe('R-G2 the page of an amendment to a quarterly letter', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  const AMENDMENT = '00000000-0000-4000-8000-0000000000b1';
  const impact = (billingPeriod: string, newInstalmentHtCents: number, newInstalmentTtcCents: number) => ({
    letterAnnualBeforeCents: 123_600,
    letterAnnualAfterCents: 247_200,
    effectiveDate: '2027-07-01',
    letterAnnualBeforeHtCents: 123_600,
    letterAnnualAfterHtCents: 247_200,
    annualChangeHtCents: 123_600,
    letterAnnualAfterTtcCents: 296_640,
    newMonthlyInstalmentHtCents: 20_600,
    newMonthlyInstalmentTtcCents: 24_720,
    billingPeriod,
    newInstalmentHtCents,
    newInstalmentTtcCents,
  });
  const renderAmendment = async (amendmentImpact: unknown) => {
    const amendment = documentOf({
      id: AMENDMENT,
      kind: 'amendment',
      status: 'signed',
      number: 'LM-2027-0001-A01',
      title: 'Avenant',
      amendsLetterId: LETTER,
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const path = new URL(String(input), 'http://localhost').pathname.replace('/api/v1', '');
        if (path === '/auth/session') return json({ id: 'u1', name: 'Claire Dupré', role: 'associe' });
        if (path === `/documents/${AMENDMENT}`) return json({ ...viewOf(amendment), amendmentImpact });
        return json({ type: 'about:blank', title: 'Introuvable', status: 404 }, 404);
      }),
    );
    renderInApp(
      <MemoryRouter initialEntries={[`/documents/${AMENDMENT}`]}>
        <Routes>
          <Route path="/documents/:id" element={<DocumentPage />} />
        </Routes>
      </MemoryRouter>,
    );
    return ((await screen.findByTestId('amendment-instalment')).textContent ?? '').replace(
      /[\u00a0\u202f]/g,
      ' ',
    );
  };

  it('R-G2 names the new instalment after the letter’s period: « Nouvelle échéance trimestrielle »', async () => {
    expect(await renderAmendment(impact('quarterly', 61_800, 74_160))).toBe(
      'Nouvelle échéance trimestrielle : 618,00 € HT (741,60 € TTC) à compter du 01/07/2027.',
    );
  });

  it('R-G2 a monthly letter’s amendment says « Nouvelle mensualité »', async () => {
    expect(await renderAmendment(impact('monthly', 20_600, 24_720))).toBe(
      'Nouvelle mensualité : 206,00 € HT (247,20 € TTC) à compter du 01/07/2027.',
    );
  });
});
