import { describe, expect, it } from 'vitest';
import {
  type LetterInForce,
  type LetterLine,
  type SignedAmendment,
  scopeInForce,
} from '../../src/domain/documents/scope.ts';
import {
  type ClientPlan,
  isClientSelected,
  type PlannedLine,
  type PortfolioClient,
  type PortfolioLetter,
  planClient,
} from '../../src/domain/renewal/campaign-plan.ts';
import type { CampaignSelection, CampaignSettings } from '../../src/domain/renewal/campaign-settings.ts';
import { multiplyCents } from '../../src/domain/shared/money.ts';
import { aLetterInForce, aLetterLine } from '../builders/scope.ts';

/** The campaign's effective date: the scope in force is read on that day. */
const EFFECTIVE_DATE = '2027-01-01';

/** Bookkeeping, a yearly fixed fee of 1 200,00 €. */
const aComptaLine = (overrides: Partial<LetterLine> = {}): LetterLine =>
  aLetterLine({ recurrence: 'yearly', unitPriceCents: 120000, ...overrides });

/** Payroll, 7 payslips a month at 25,00 €. */
const aPaieLine = (overrides: Partial<LetterLine> = {}): LetterLine =>
  aLetterLine({
    lineId: 'line-paie',
    serviceId: 'svc-paie',
    label: 'Bulletins de paie',
    unitLabel: 'bulletin',
    quantity: '7',
    unitPriceCents: 2500,
    recurrence: 'monthly',
    ...overrides,
  });

const scopeOf = (letters: readonly LetterInForce[], amendments: readonly SignedAmendment[] = []) =>
  scopeInForce({ letters, amendments }, EFFECTIVE_DATE);

const scopeWithLines = (...lines: LetterLine[]) => scopeOf([aLetterInForce({ lines })]);

const aPortfolioLetter = (overrides: Partial<PortfolioLetter> = {}): PortfolioLetter => ({
  letterId: 'lm-1',
  number: 'LM-2026-0001',
  signedOn: '2025-12-15',
  termsVersion: 2,
  durationMonths: 12,
  renewal: 'tacit',
  noticeMonths: 3,
  paymentTerms: null,
  revisionClause: null,
  ...overrides,
});

/** A client with one letter in force: bookkeeping 1 200,00 € a year and 7 payslips a month at 25,00 €. */
const aClient = (overrides: Partial<PortfolioClient> = {}): PortfolioClient => ({
  engagementId: 'eng-1',
  companyName: 'Boulangerie Martin',
  clientCode: 'C0001',
  siren: '732829320',
  responsibleUserId: 'user-claire',
  fiscalYearEnd: '12-31',
  scope: scopeWithLines(aComptaLine(), aPaieLine()),
  letters: [aPortfolioLetter()],
  laterAmendmentNumbers: [],
  pendingReplacementNumber: undefined,
  ...overrides,
});

const aSelection = (overrides: Partial<CampaignSelection> = {}): CampaignSelection => ({
  responsibleUserIds: [],
  termsVersionBelow: null,
  signedBefore: null,
  fiscalYearEndMonths: [],
  serviceIds: [],
  ...overrides,
});

const someSettings = (overrides: Partial<CampaignSettings> = {}): CampaignSettings => ({
  selection: aSelection(),
  revaluation: { method: 'coefficient', coefficient: '1.03' },
  rounding: 'cent',
  excludedServiceIds: [],
  excludedLineIds: [],
  exceptions: [],
  termsVersionId: null,
  effectiveDate: EFFECTIVE_DATE,
  validUntil: '2026-12-15',
  confirmUnusualCoefficient: false,
  ...overrides,
});

type Planned = Extract<ClientPlan, { outcome: 'planned' }>;
type Skipped = Extract<ClientPlan, { outcome: 'skipped' }>;

const planned = (client: PortfolioClient, settings: CampaignSettings): Planned => {
  const plan = planClient(client, settings);
  if (plan.outcome !== 'planned') throw new Error(`expected a planned client, got ${plan.reason}`);
  return plan;
};

const skipped = (client: PortfolioClient, settings: CampaignSettings): Skipped => {
  const plan = planClient(client, settings);
  if (plan.outcome !== 'skipped') throw new Error('expected a skipped client');
  return plan;
};

const lineOf = (plan: Planned, lineId: string): PlannedLine => {
  const line = plan.lines.find((l) => l.lineId === lineId);
  if (!line) throw new Error(`no planned line ${lineId}`);
  return line;
};

const indexRule = { method: 'index', referenceIndex: '318.4', newIndex: '327.3' } as const;

describe('R-D5 isClientSelected', () => {
  it('R-D5 an empty selection takes every client', () => {
    expect(isClientSelected(aClient(), aSelection())).toBe(true);
    expect(isClientSelected(aClient({ letters: [], scope: scopeOf([]) }), aSelection())).toBe(true);
  });

  it('R-D5 by responsible: the client’s responsible must be one of those chosen', () => {
    const client = aClient({ responsibleUserId: 'user-claire' });
    expect(isClientSelected(client, aSelection({ responsibleUserIds: ['user-claire'] }))).toBe(true);
    expect(isClientSelected(client, aSelection({ responsibleUserIds: ['user-paul', 'user-claire'] }))).toBe(
      true,
    );
    expect(isClientSelected(client, aSelection({ responsibleUserIds: ['user-paul'] }))).toBe(false);
  });

  it('R-D6 by terms version: a letter in force carrying terms older than the version given', () => {
    const onV2 = aClient({ letters: [aPortfolioLetter({ termsVersion: 2 })] });
    expect(isClientSelected(onV2, aSelection({ termsVersionBelow: 3 }))).toBe(true);
    expect(isClientSelected(onV2, aSelection({ termsVersionBelow: 2 }))).toBe(false);
    expect(isClientSelected(onV2, aSelection({ termsVersionBelow: 1 }))).toBe(false);
  });

  it('R-D6 one letter on older terms is enough, among several in force', () => {
    const client = aClient({
      letters: [
        aPortfolioLetter({ termsVersion: 3 }),
        aPortfolioLetter({ letterId: 'lm-2', termsVersion: 1 }),
      ],
    });
    expect(isClientSelected(client, aSelection({ termsVersionBelow: 2 }))).toBe(true);
    expect(isClientSelected(client, aSelection({ termsVersionBelow: 1 }))).toBe(false);
  });

  it('R-D6 a letter that records no terms version counts as version 0', () => {
    const client = aClient({ letters: [aPortfolioLetter({ termsVersion: null })] });
    expect(isClientSelected(client, aSelection({ termsVersionBelow: 1 }))).toBe(true);
    expect(isClientSelected(client, aSelection({ termsVersionBelow: 0 }))).toBe(false);
  });

  it('R-D6 a client without letters is never on older terms', () => {
    expect(isClientSelected(aClient({ letters: [] }), aSelection({ termsVersionBelow: 5 }))).toBe(false);
  });

  it('R-D5 by letter age: the newest letter in force must be signed before the day given', () => {
    const client = aClient({
      letters: [
        aPortfolioLetter({ signedOn: '2019-06-01' }),
        aPortfolioLetter({ letterId: 'lm-2', signedOn: '2025-12-15' }),
      ],
    });
    // The 2019 letter is old, but the 2025 one is not.
    expect(isClientSelected(client, aSelection({ signedBefore: '2024-01-01' }))).toBe(false);
    expect(isClientSelected(client, aSelection({ signedBefore: '2026-01-01' }))).toBe(true);
    // Strictly before: signed on that very day does not count.
    expect(isClientSelected(client, aSelection({ signedBefore: '2025-12-15' }))).toBe(false);
    expect(isClientSelected(client, aSelection({ signedBefore: '2025-12-16' }))).toBe(true);
  });

  it('R-D5 by letter age: the newest is found whatever the order of the letters', () => {
    const client = aClient({
      letters: [
        aPortfolioLetter({ signedOn: '2025-12-15' }),
        aPortfolioLetter({ letterId: 'lm-2', signedOn: '2019-06-01' }),
      ],
    });
    expect(isClientSelected(client, aSelection({ signedBefore: '2024-01-01' }))).toBe(false);
  });

  it('R-D5 by letter age: a letter without a signing day is ignored; none signed is never selected', () => {
    const oneKnown = aClient({
      letters: [
        aPortfolioLetter({ signedOn: null }),
        aPortfolioLetter({ letterId: 'lm-2', signedOn: '2019-06-01' }),
      ],
    });
    expect(isClientSelected(oneKnown, aSelection({ signedBefore: '2024-01-01' }))).toBe(true);
    const noneKnown = aClient({ letters: [aPortfolioLetter({ signedOn: null })] });
    expect(isClientSelected(noneKnown, aSelection({ signedBefore: '2024-01-01' }))).toBe(false);
    expect(isClientSelected(aClient({ letters: [] }), aSelection({ signedBefore: '2024-01-01' }))).toBe(
      false,
    );
  });

  it('R-D5 by fiscal year end: the month of the company’s closing', () => {
    const june = aClient({ fiscalYearEnd: '06-30' });
    expect(isClientSelected(june, aSelection({ fiscalYearEndMonths: [6] }))).toBe(true);
    expect(isClientSelected(june, aSelection({ fiscalYearEndMonths: [12, 6] }))).toBe(true);
    expect(isClientSelected(june, aSelection({ fiscalYearEndMonths: [12] }))).toBe(false);
    expect(
      isClientSelected(aClient({ fiscalYearEnd: '09-30' }), aSelection({ fiscalYearEndMonths: [9] })),
    ).toBe(true);
  });

  it('R-D5 by service: the scope in force must hold one of the services given', () => {
    const client = aClient();
    expect(isClientSelected(client, aSelection({ serviceIds: ['svc-paie'] }))).toBe(true);
    expect(isClientSelected(client, aSelection({ serviceIds: ['svc-juridique', 'svc-compta'] }))).toBe(true);
    expect(isClientSelected(client, aSelection({ serviceIds: ['svc-juridique'] }))).toBe(false);
    const freeLineOnly = aClient({ scope: scopeWithLines(aComptaLine({ serviceId: null })) });
    expect(isClientSelected(freeLineOnly, aSelection({ serviceIds: ['svc-compta'] }))).toBe(false);
  });

  const everyCriterion = aSelection({
    responsibleUserIds: ['user-claire'],
    termsVersionBelow: 3,
    signedBefore: '2026-01-01',
    fiscalYearEndMonths: [12],
    serviceIds: ['svc-paie'],
  });

  it('R-D5 a client meeting every criterion given is selected', () => {
    expect(isClientSelected(aClient(), everyCriterion)).toBe(true);
  });

  it.each<[string, Partial<PortfolioClient>]>([
    ['another responsible', { responsibleUserId: 'user-paul' }],
    ['recent terms', { letters: [aPortfolioLetter({ termsVersion: 3 })] }],
    ['a recent letter', { letters: [aPortfolioLetter({ signedOn: '2026-02-01' })] }],
    ['a June closing', { fiscalYearEnd: '06-30' }],
    ['no payroll', { scope: scopeWithLines(aComptaLine()) }],
  ])('R-D5 every criterion must hold: a client with %s is left out', (_what, overrides) => {
    expect(isClientSelected(aClient(overrides), everyCriterion)).toBe(false);
  });
});

describe('R-D3 planClient: revaluation by a coefficient', () => {
  it('R-D3 E 1,03 on a yearly fixed fee of 1 200,00 € gives 1 236,00 €', () => {
    const plan = planned(aClient({ scope: scopeWithLines(aComptaLine()) }), someSettings());
    expect(plan).toEqual({
      engagementId: 'eng-1',
      companyName: 'Boulangerie Martin',
      clientCode: 'C0001',
      siren: '732829320',
      outcome: 'planned',
      lines: [
        {
          lineId: 'line-compta',
          letterId: 'lm-1',
          serviceId: 'svc-compta',
          label: 'Tenue de la comptabilité',
          unitLabel: null,
          quantity: '1',
          unitPriceCents: 123600,
          vatRateBp: 2000,
          recurrence: 'yearly',
          beforeUnitCents: 120000,
          pricing: 'revalued',
          annualBeforeCents: 120000,
          annualAfterCents: 123600,
        },
      ],
      annualBeforeCents: 120000,
      annualAfterCents: 123600,
      changePercent: '3.00',
      coefficient: '1.03',
      exception: null,
    });
  });

  it('R-D3 E a payslip of 25,00 € becomes 25,75 €; 7 a month: 2 100,00 € a year before, 2 163,00 € after', () => {
    const plan = planned(aClient({ scope: scopeWithLines(aPaieLine()) }), someSettings());
    expect(lineOf(plan, 'line-paie')).toMatchObject({
      quantity: '7',
      beforeUnitCents: 2500,
      unitPriceCents: 2575,
      // 7 × 25,00 × 12 and 7 × 25,75 = 180,25 × 12
      annualBeforeCents: 210000,
      annualAfterCents: 216300,
    });
    expect(plan.annualAfterCents - plan.annualBeforeCents).toBe(6300);
  });

  it('R-D3 E half-up to the cent: 33,33 € × 1,025 = 34,16325 → 34,16 €', () => {
    const plan = planned(
      aClient({ scope: scopeWithLines(aComptaLine({ unitPriceCents: 3333 })) }),
      someSettings({ revaluation: { method: 'coefficient', coefficient: '1.025' } }),
    );
    expect(lineOf(plan, 'line-compta').unitPriceCents).toBe(3416);
    expect(plan.annualAfterCents).toBe(3416);
    // 83 / 3 333 = 2,49 %
    expect(plan.changePercent).toBe('2.49');
  });

  it('R-D3 the whole client: 3 300,00 € a year become 3 399,00 €, "3.00" %', () => {
    const plan = planned(aClient(), someSettings());
    expect(plan.lines.map((l) => [l.lineId, l.unitPriceCents])).toEqual([
      ['line-compta', 123600],
      ['line-paie', 2575],
    ]);
    expect(plan.annualBeforeCents).toBe(330000);
    expect(plan.annualAfterCents).toBe(339900);
    expect(plan.changePercent).toBe('3.00');
  });

  it('E annual values use the periods per year: monthly × 12, quarterly × 4, yearly × 1', () => {
    const scope = scopeWithLines(
      aComptaLine({ lineId: 'l-monthly', recurrence: 'monthly', unitPriceCents: 10000 }),
      aComptaLine({ lineId: 'l-quarterly', recurrence: 'quarterly', unitPriceCents: 10000 }),
      aComptaLine({ lineId: 'l-yearly', recurrence: 'yearly', unitPriceCents: 10000 }),
    );
    const plan = planned(aClient({ scope }), someSettings());
    expect(plan.lines.map((l) => [l.lineId, l.annualBeforeCents, l.annualAfterCents])).toEqual([
      ['l-monthly', 120000, 123600],
      ['l-quarterly', 40000, 41200],
      ['l-yearly', 10000, 10300],
    ]);
    expect(plan.annualBeforeCents).toBe(170000);
    expect(plan.annualAfterCents).toBe(175100);
  });

  it('R-D3 totals are sums of rounded lines, not the rounded total', () => {
    const scope = scopeWithLines(
      aComptaLine({ lineId: 'l-1', unitPriceCents: 3333 }),
      aComptaLine({ lineId: 'l-2', unitPriceCents: 3333 }),
    );
    const plan = planned(
      aClient({ scope }),
      someSettings({ revaluation: { method: 'coefficient', coefficient: '1.025' } }),
    );
    // 34,16 + 34,16 = 68,32, whereas 66,66 × 1,025 = 68,3265 would round to 68,33
    expect(plan.annualAfterCents).toBe(6832);
    expect(multiplyCents(6666, '1.025')).toBe(6833);
  });

  it('R-D3 the unit price is rounded before it is multiplied by the quantity', () => {
    // 33,33 × 1,025 → 34,16, × 3 = 102,48 a month, 1 229,76 a year (not 3 × 34,16325 × 12)
    const scope = scopeWithLines(aPaieLine({ quantity: '3', unitPriceCents: 3333 }));
    const plan = planned(
      aClient({ scope }),
      someSettings({ revaluation: { method: 'coefficient', coefficient: '1.025' } }),
    );
    expect(plan.annualAfterCents).toBe(122976);
  });

  it('R-D3 rounds each revalued price to the euro on demand', () => {
    const scope = scopeWithLines(
      aComptaLine({ lineId: 'l-small', unitPriceCents: 12345 }),
      aComptaLine({ lineId: 'l-large', unitPriceCents: 121234 }),
    );
    const plan = planned(aClient({ scope }), someSettings({ rounding: 'euro' }));
    // 123,45 × 1,03 = 127,1535 → 127,00; 1 212,34 × 1,03 = 1 248,7102 → 1 249,00
    expect(lineOf(plan, 'l-small').unitPriceCents).toBe(12700);
    expect(lineOf(plan, 'l-large').unitPriceCents).toBe(124900);
    expect(plan.annualBeforeCents).toBe(133579);
    expect(plan.annualAfterCents).toBe(137600);
    // 4 021 / 133 579 = 3,0102… %
    expect(plan.changePercent).toBe('3.01');
  });

  it('R-D2 revalues the consolidated scope: an amendment in force has already changed the price', () => {
    const amendment: SignedAmendment = {
      id: 'av-1',
      letterId: 'lm-1',
      effectiveDate: '2026-06-01',
      changes: [{ op: 'modify', targetLineId: 'line-compta', unitPriceCents: 150000 }],
    };
    const scope = scopeOf([aLetterInForce({ lines: [aComptaLine()] })], [amendment]);
    const line = lineOf(planned(aClient({ scope }), someSettings()), 'line-compta');
    expect(line.beforeUnitCents).toBe(150000);
    expect(line.unitPriceCents).toBe(154500);
  });

  it('R-C5 plans the lines of every letter in force, each keeping its letter', () => {
    const scope = scopeOf([
      aLetterInForce({ lines: [aComptaLine()] }),
      aLetterInForce({ id: 'lm-2', number: 'LM-2026-0002', lines: [aPaieLine()] }),
    ]);
    const plan = planned(aClient({ scope }), someSettings());
    expect(plan.lines.map((l) => [l.letterId, l.lineId, l.unitPriceCents])).toEqual([
      ['lm-1', 'line-compta', 123600],
      ['lm-2', 'line-paie', 2575],
    ]);
    expect(plan.annualBeforeCents).toBe(scope.annualRecurringCents);
  });

  it('R-D3 fees of zero have no change in percent', () => {
    const plan = planned(
      aClient({ scope: scopeWithLines(aComptaLine({ unitPriceCents: 0 })) }),
      someSettings(),
    );
    expect(plan.annualBeforeCents).toBe(0);
    expect(plan.annualAfterCents).toBe(0);
    expect(plan.changePercent).toBeNull();
  });
});

describe('R-D3 planClient: excluded lines', () => {
  it('R-D3 a line excluded by its id keeps its price', () => {
    const plan = planned(aClient(), someSettings({ excludedLineIds: ['line-paie'] }));
    expect(lineOf(plan, 'line-paie')).toMatchObject({
      beforeUnitCents: 2500,
      unitPriceCents: 2500,
      pricing: 'excluded',
      annualBeforeCents: 210000,
      annualAfterCents: 210000,
    });
    expect(lineOf(plan, 'line-compta')).toMatchObject({ unitPriceCents: 123600, pricing: 'revalued' });
    expect(plan.annualAfterCents).toBe(123600 + 210000);
    // 3 600 / 330 000 = 1,0909… %
    expect(plan.changePercent).toBe('1.09');
  });

  it('R-D3 lines of an excluded service keep their price, on every letter', () => {
    const scope = scopeOf([
      aLetterInForce({ lines: [aComptaLine(), aPaieLine()] }),
      aLetterInForce({
        id: 'lm-2',
        lines: [aComptaLine({ lineId: 'line-compta-2', unitPriceCents: 50000 })],
      }),
    ]);
    const plan = planned(aClient({ scope }), someSettings({ excludedServiceIds: ['svc-compta'] }));
    expect(plan.lines.map((l) => [l.lineId, l.pricing, l.unitPriceCents])).toEqual([
      ['line-compta', 'excluded', 120000],
      ['line-paie', 'revalued', 2575],
      ['line-compta-2', 'excluded', 50000],
    ]);
  });

  it('R-D3 a line outside the catalogue is not caught by an excluded service', () => {
    const scope = scopeWithLines(aComptaLine({ lineId: 'line-free', serviceId: null }));
    const plan = planned(aClient({ scope }), someSettings({ excludedServiceIds: ['svc-compta'] }));
    expect(lineOf(plan, 'line-free')).toMatchObject({ pricing: 'revalued', unitPriceCents: 123600 });
  });

  it('R-D3 every line excluded: the client is planned, unchanged', () => {
    const plan = planned(aClient(), someSettings({ excludedServiceIds: ['svc-compta', 'svc-paie'] }));
    expect(plan.annualAfterCents).toBe(plan.annualBeforeCents);
    expect(plan.changePercent).toBe('0.00');
  });
});

describe('R-D3 planClient: per-client exceptions', () => {
  it('R-D3 another coefficient for this client replaces the campaign’s', () => {
    const settings = someSettings({
      exceptions: [{ engagementId: 'eng-1', action: 'coefficient', coefficient: '1.05' }],
    });
    const plan = planned(aClient(), settings);
    expect(plan.lines.map((l) => [l.unitPriceCents, l.pricing])).toEqual([
      [126000, 'revalued'],
      [2625, 'revalued'],
    ]);
    expect(plan.coefficient).toBe('1.05');
    expect(plan.exception).toBe('coefficient');
    expect(plan.changePercent).toBe('5.00');
  });

  it('R-D3 the client’s coefficient replaces an index formula too, and keeps the campaign’s rounding and exclusions', () => {
    const settings = someSettings({
      revaluation: indexRule,
      rounding: 'euro',
      excludedLineIds: ['line-compta'],
      exceptions: [{ engagementId: 'eng-1', action: 'coefficient', coefficient: '1.05' }],
    });
    const plan = planned(aClient(), settings);
    // 25,00 × 1,05 = 26,25 → 26,00 to the euro; bookkeeping stays excluded
    expect(plan.lines.map((l) => [l.lineId, l.unitPriceCents, l.pricing])).toEqual([
      ['line-compta', 120000, 'excluded'],
      ['line-paie', 2600, 'revalued'],
    ]);
    expect(plan.coefficient).toBe('1.05');
  });

  it('R-D3 another client’s exception does not touch this one', () => {
    const settings = someSettings({
      exceptions: [
        { engagementId: 'eng-2', action: 'coefficient', coefficient: '1.05' },
        { engagementId: 'eng-3', action: 'leave_out', reason: 'Cession en cours' },
      ],
    });
    const plan = planned(aClient(), settings);
    expect(plan.coefficient).toBe('1.03');
    expect(plan.exception).toBeNull();
    expect(plan.annualAfterCents).toBe(339900);
  });

  it('R-D3 fixed prices change only that service’s line; the others follow the campaign’s rule', () => {
    const settings = someSettings({
      exceptions: [
        {
          engagementId: 'eng-1',
          action: 'fixed_prices',
          prices: [{ serviceId: 'svc-paie', unitPriceCents: 2700 }],
        },
      ],
    });
    const plan = planned(aClient(), settings);
    expect(lineOf(plan, 'line-paie')).toMatchObject({
      beforeUnitCents: 2500,
      unitPriceCents: 2700,
      pricing: 'fixed',
      annualBeforeCents: 210000,
      // 7 × 27,00 × 12
      annualAfterCents: 226800,
    });
    expect(lineOf(plan, 'line-compta')).toMatchObject({ unitPriceCents: 123600, pricing: 'revalued' });
    expect(plan.annualAfterCents).toBe(123600 + 226800);
    expect(plan.exception).toBe('fixed_prices');
    expect(plan.coefficient).toBe('1.03');
  });

  it('R-D3 a fixed price may lower a price, or set it to zero', () => {
    const settings = someSettings({
      exceptions: [
        {
          engagementId: 'eng-1',
          action: 'fixed_prices',
          prices: [
            { serviceId: 'svc-paie', unitPriceCents: 0 },
            { serviceId: 'svc-compta', unitPriceCents: 110000 },
          ],
        },
      ],
    });
    const plan = planned(aClient(), settings);
    expect(plan.lines.map((l) => [l.unitPriceCents, l.pricing])).toEqual([
      [110000, 'fixed'],
      [0, 'fixed'],
    ]);
    expect(plan.annualAfterCents).toBe(110000);
  });

  it('R-D3 fixed prices alongside an index formula: the other lines follow the index', () => {
    const settings = someSettings({
      revaluation: indexRule,
      exceptions: [
        {
          engagementId: 'eng-1',
          action: 'fixed_prices',
          prices: [{ serviceId: 'svc-paie', unitPriceCents: 2700 }],
        },
      ],
    });
    const plan = planned(aClient(), settings);
    expect(lineOf(plan, 'line-compta')).toMatchObject({ unitPriceCents: 123354, pricing: 'revalued' });
    expect(lineOf(plan, 'line-paie')).toMatchObject({ unitPriceCents: 2700, pricing: 'fixed' });
    expect(plan.coefficient).toBe('1.027952');
  });

  it('R-D3 a price the firm fixed for this client wins over the campaign’s exclusion of the service', () => {
    const settings = someSettings({
      excludedServiceIds: ['svc-paie'],
      exceptions: [
        {
          engagementId: 'eng-1',
          action: 'fixed_prices',
          prices: [{ serviceId: 'svc-paie', unitPriceCents: 2700 }],
        },
      ],
    });
    expect(lineOf(planned(aClient(), settings), 'line-paie')).toMatchObject({
      unitPriceCents: 2700,
      pricing: 'fixed',
    });
  });

  it('R-D3 a client left out is skipped with the firm’s reason', () => {
    const settings = someSettings({
      exceptions: [{ engagementId: 'eng-1', action: 'leave_out', reason: 'Cession du fonds en cours' }],
    });
    expect(planClient(aClient(), settings)).toEqual({
      engagementId: 'eng-1',
      companyName: 'Boulangerie Martin',
      clientCode: 'C0001',
      siren: '732829320',
      outcome: 'skipped',
      reason: 'left_out',
      detail: 'Cession du fonds en cours',
      annualBeforeCents: 330000,
    });
  });

  it('R-D3 a client left out without a reason has no detail', () => {
    const settings = someSettings({
      exceptions: [{ engagementId: 'eng-1', action: 'leave_out', reason: null }],
    });
    expect(skipped(aClient(), settings)).toMatchObject({ reason: 'left_out', detail: null });
  });
});

describe('R-D3 planClient: the index formula', () => {
  it('R-D3 price × new index / reference index in one exact division: 1 200,00 × 327,3 / 318,4 = 1 233,54', () => {
    const plan = planned(aClient(), someSettings({ revaluation: indexRule }));
    // 120 000 × 3 273 / 3 184 = 123 354,27… cents; 2 500 × 3 273 / 3 184 = 2 569,88… cents
    expect(lineOf(plan, 'line-compta').unitPriceCents).toBe(123354);
    expect(lineOf(plan, 'line-paie').unitPriceCents).toBe(2570);
    // 7 × 25,70 = 179,90 a month
    expect(lineOf(plan, 'line-paie').annualAfterCents).toBe(215880);
    expect(plan.annualAfterCents).toBe(123354 + 215880);
    // 9 234 / 330 000 = 2,798… %
    expect(plan.changePercent).toBe('2.80');
    expect(plan.coefficient).toBe('1.027952');
  });

  it('R-D3 the index result is not the product by the ratio rounded to 4 decimals (1,0280 would give 1 233,60)', () => {
    const byIndex = planned(aClient(), someSettings({ revaluation: indexRule }));
    const byRoundedRatio = planned(
      aClient(),
      someSettings({ revaluation: { method: 'coefficient', coefficient: '1.0280' } }),
    );
    expect(lineOf(byRoundedRatio, 'line-compta').unitPriceCents).toBe(123360);
    expect(lineOf(byIndex, 'line-compta').unitPriceCents).toBe(123354);
  });

  it('R-D3 the index result is not the product by the 6-decimal ratio shown either (15,92 → 16,37, not 16,36)', () => {
    const scope = scopeWithLines(aComptaLine({ unitPriceCents: 1592 }));
    const byIndex = planned(aClient({ scope }), someSettings({ revaluation: indexRule }));
    const byShownRatio = planned(
      aClient({ scope }),
      someSettings({ revaluation: { method: 'coefficient', coefficient: byIndex.coefficient } }),
    );
    // 1 592 × 3 273 / 3 184 = 1 636,5 cents exactly, half-up → 1 637; 1 592 × 1,027952 = 1 636,4996…
    expect(lineOf(byIndex, 'line-compta').unitPriceCents).toBe(1637);
    expect(lineOf(byShownRatio, 'line-compta').unitPriceCents).toBe(1636);
  });

  it('R-D3 the index formula rounded to the euro rounds the exact value', () => {
    const scope = scopeWithLines(aComptaLine(), aComptaLine({ lineId: 'l-small', unitPriceCents: 1216 }));
    const plan = planned(aClient({ scope }), someSettings({ revaluation: indexRule, rounding: 'euro' }));
    // 1 233,5427… → 1 234,00; 12,16 × 327,3 / 318,4 = 12,4999… → 12,00 (by 1,0280 it would be 12,5005… → 13,00)
    expect(lineOf(plan, 'line-compta').unitPriceCents).toBe(123400);
    expect(lineOf(plan, 'l-small').unitPriceCents).toBe(1200);
  });
});

describe('R-D5 planClient: clients the campaign cannot renew', () => {
  it('R-D5 a client without a letter in force on the effective date is skipped', () => {
    const scope = scopeOf([aLetterInForce({ effectiveDate: '2027-02-01' })]);
    expect(planClient(aClient({ scope }), someSettings())).toEqual({
      engagementId: 'eng-1',
      companyName: 'Boulangerie Martin',
      clientCode: 'C0001',
      siren: '732829320',
      outcome: 'skipped',
      reason: 'no_letter_in_force',
      detail: null,
      annualBeforeCents: 0,
    });
  });

  it('R-D5 a client with a replacement letter already drafted or sent is skipped, naming it', () => {
    expect(skipped(aClient({ pendingReplacementNumber: 'LMS-2026-0004' }), someSettings())).toMatchObject({
      reason: 'replacement_pending',
      detail: 'LMS-2026-0004',
      annualBeforeCents: 330000,
    });
    // A draft has no number yet: still pending.
    expect(skipped(aClient({ pendingReplacementNumber: null }), someSettings())).toMatchObject({
      reason: 'replacement_pending',
      detail: null,
    });
  });

  it('R-D5 a client with amendments effective after the campaign’s date is skipped, naming them', () => {
    const client = aClient({ laterAmendmentNumbers: ['LM-2026-0001-A02', 'LM-2026-0001-A03'] });
    expect(skipped(client, someSettings())).toMatchObject({
      reason: 'amendment_after_effective_date',
      detail: 'LM-2026-0001-A02, LM-2026-0001-A03',
      annualBeforeCents: 330000,
    });
  });

  it('R-F1 a client whose LCB-FT file would stop the letter is skipped with what the file lacks', () => {
    const missing = ['Évaluation du risque LCB-FT non faite', 'Extrait Kbis non déposé ou non vérifié'];
    expect(skipped(aClient({ vigilanceMissing: missing }), someSettings())).toMatchObject({
      reason: 'vigilance_incomplete',
      detail: 'Évaluation du risque LCB-FT non faite ; Extrait Kbis non déposé ou non vérifié',
      missing,
    });
    expect(planned(aClient({ vigilanceMissing: [] }), someSettings()).outcome).toBe('planned');
    // The firm's own reasons come first.
    expect(
      skipped(
        aClient({ vigilanceMissing: missing, pendingReplacementNumber: 'LMS-2026-0004' }),
        someSettings(),
      ).reason,
    ).toBe('replacement_pending');
  });

  it('R-D5 the reasons are checked in order: left out, no letter, pending replacement, later amendments', () => {
    const everything = {
      scope: scopeOf([]),
      pendingReplacementNumber: 'LMS-2026-0004',
      laterAmendmentNumbers: ['LM-2026-0001-A02'],
    };
    const leaveOut = someSettings({
      exceptions: [{ engagementId: 'eng-1', action: 'leave_out', reason: 'Départ' }],
    });
    expect(skipped(aClient(everything), leaveOut).reason).toBe('left_out');
    expect(skipped(aClient(everything), someSettings()).reason).toBe('no_letter_in_force');
    expect(
      skipped(aClient({ ...everything, scope: scopeWithLines(aComptaLine()) }), someSettings()).reason,
    ).toBe('replacement_pending');
    expect(
      skipped(
        aClient({ ...everything, scope: scopeWithLines(aComptaLine()), pendingReplacementNumber: undefined }),
        someSettings(),
      ).reason,
    ).toBe('amendment_after_effective_date');
  });
});
