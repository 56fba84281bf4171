import { describe, expect, it } from 'vitest';
import { type RevenueEngagement, recurringRevenueOn } from '../../../src/domain/billing/recurring-revenue.ts';
import { classifyMovement, clientBridge, revenueBridge } from '../../../src/domain/billing/revenue-bridge.ts';
import { aLetterLine } from '../../builders/scope.ts';
import { amendment2027, letter2027, storyLetters } from './worked-cases.ts';

const anEngagement = (overrides: Partial<RevenueEngagement> = {}): RevenueEngagement => ({
  engagementId: 'eng-1',
  clientName: 'Boulangerie Martin',
  responsibleUserId: 'user-claire',
  letters: storyLetters(),
  amendments: [amendment2027],
  ...overrides,
});

const domains = new Map([
  ['svc-compta', 'comptable'],
  ['svc-paie', 'social'],
]);

describe('R-G4 recurring revenue in force', () => {
  it('R-G4 gives the annual fees in force by domain, responsible user and client', () => {
    const other = anEngagement({
      engagementId: 'eng-2',
      clientName: 'Garage Dubois',
      responsibleUserId: 'user-marc',
      letters: [letter2027({ id: 'lm-9', lines: [aLetterLine({ serviceId: null, unitPriceCents: 5000 })] })],
      amendments: [],
    });
    const revenue = recurringRevenueOn([anEngagement(), other], domains, '2027-06-30');
    expect(revenue.totalCents).toBe(240000);
    expect(revenue.byDomain).toEqual([
      { key: 'comptable', annualCents: 120000 },
      { key: 'autre', annualCents: 60000 },
      { key: 'social', annualCents: 60000 },
    ]);
    expect(revenue.byResponsible).toEqual([
      { key: 'user-claire', annualCents: 180000 },
      { key: 'user-marc', annualCents: 60000 },
    ]);
    expect(revenue.byClient[0]).toEqual({
      key: 'eng-1',
      annualCents: 180000,
      clientName: 'Boulangerie Martin',
    });
  });

  it('R-G4 leaves out a client with nothing in force', () => {
    const revenue = recurringRevenueOn([anEngagement()], domains, '2026-06-30');
    expect(revenue).toEqual({
      date: '2026-06-30',
      totalCents: 0,
      byDomain: [],
      byResponsible: [],
      byClient: [],
    });
  });
});

describe('R-G4 the bridge between two dates', () => {
  it('R-G4 shows the termination as the loss of the annual fees then in force (issue 17, worked case)', () => {
    const terminated = anEngagement({ letters: storyLetters({ endDate: '2028-03-31' }) });
    const bridge = revenueBridge([terminated], '2027-12-31', '2028-12-31');
    expect(bridge.startCents).toBe(180000);
    expect(bridge.movements).toEqual({
      new_clients: 0,
      amendment_increases: 0,
      revaluation_increases: 5400,
      decreases: 0,
      terminations: -185400,
    });
    expect(bridge.endCents).toBe(0);
  });

  it('R-G4 adds up to the cent: start + movements = end, with a new client and an amendment', () => {
    const bridge = revenueBridge([anEngagement()], '2026-12-31', '2028-06-30');
    const moved = Object.values(bridge.movements).reduce((sum, c) => sum + c, 0);
    expect(bridge.startCents + moved).toBe(bridge.endCents);
    expect(bridge.movements).toMatchObject({
      new_clients: 120000,
      amendment_increases: 60000,
      revaluation_increases: 5400,
    });
    expect(bridge.clients).toHaveLength(1);
  });

  it('R-G4 counts a fall from an amendment as a decrease, and lists no client that did not move', () => {
    const removal = {
      ...amendment2027,
      id: 'av-2',
      effectiveDate: '2027-09-01',
      changes: [{ op: 'remove' as const, targetLineId: 'l-paie' }],
    };
    const still = anEngagement({
      engagementId: 'eng-3',
      clientName: 'Calme',
      letters: [letter2027({ id: 'lm-3' })],
      amendments: [],
    });
    const bridge = revenueBridge(
      [anEngagement({ amendments: [amendment2027, removal] }), still],
      '2027-06-30',
      '2027-12-31',
    );
    expect(bridge.movements.decreases).toBe(-60000);
    expect(bridge.clients.map((c) => c.engagementId)).toEqual(['eng-1']);
  });

  it('R-G4 classifies each movement by its cause', () => {
    expect(classifyMovement(0, 100, 'termination')).toBe('new_clients');
    expect(classifyMovement(100, 0, 'termination')).toBe('terminations');
    expect(classifyMovement(100, 50, 'replacement')).toBe('decreases');
    expect(classifyMovement(100, 103, 'replacement')).toBe('revaluation_increases');
    expect(classifyMovement(100, 150, 'change')).toBe('amendment_increases');
  });

  it('R-G4 ranks a termination above a replacement and a change on the same day', () => {
    const sameDay = anEngagement({
      letters: storyLetters({ effectiveDate: '2028-01-01', endDate: '2028-03-31' }),
      amendments: [{ ...amendment2027, letterId: 'lms-1', effectiveDate: '2028-04-01' }],
    });
    const bridge = clientBridge(sameDay, '2028-02-01', '2028-12-31');
    expect(bridge.movements.terminations).toBe(-185400);
  });

  it('R-G4 sorts the clients that moved by the size of their movement, then name', () => {
    const a = anEngagement({ engagementId: 'a', clientName: 'B' });
    const b = anEngagement({ engagementId: 'b', clientName: 'A' });
    const bridge = revenueBridge([a, b], '2027-06-30', '2028-06-30');
    expect(bridge.clients.map((c) => c.clientName)).toEqual(['A', 'B']);
  });
});
