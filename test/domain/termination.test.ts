import { describe, expect, it } from 'vitest';
import { scopeInForce } from '../../src/domain/documents/scope.ts';
import {
  decideTermination,
  earliestEndDate,
  type TerminableLetter,
  type TerminationRequest,
} from '../../src/domain/documents/termination.ts';
import { engagementStanding } from '../../src/domain/engagements/standing.ts';
import { aLetterInForce } from '../builders/scope.ts';

/** A one-year letter from 01/01/2027, tacit renewal, three months' notice, 31 December closing. */
const aLetter = (overrides: Partial<TerminableLetter> = {}): TerminableLetter => ({
  id: 'lm-1',
  kind: 'engagement_letter',
  status: 'signed',
  effectiveDate: '2027-01-01',
  durationMonths: 12,
  noticeMonths: 3,
  renewal: 'tacit',
  fiscalYearEnd: '12-31',
  ...overrides,
});

const aRequest = (overrides: Partial<TerminationRequest> = {}): TerminationRequest => ({
  requestedBy: 'client',
  reason: 'Cession du fonds de commerce',
  noticeGivenOn: '2027-06-15',
  endDate: '2027-12-31',
  agreedOtherwise: false,
  ...overrides,
});

describe('R-G1 termination of a letter', () => {
  it('R-G1 accepts an end date at the period end when notice is given before the deadline', () => {
    const decision = decideTermination(aLetter(), aRequest());
    expect(decision).toEqual({
      ok: true,
      value: { ...aRequest(), letterId: 'lm-1', earliestEndDate: '2027-12-31', noticeRespected: true },
    });
  });

  it('R-G1 refuses an end date the notice period does not allow, and names the earliest one', () => {
    const decision = decideTermination(
      aLetter(),
      aRequest({ noticeGivenOn: '2027-10-15', endDate: '2027-12-31' }),
    );
    expect(decision).toEqual({
      ok: false,
      error: { code: 'TERMINATION.NOTICE_NOT_RESPECTED', details: { earliestEndDate: '2028-12-31' } },
    });
  });

  it('R-G1 accepts an earlier end date both parties agreed, and records that notice was not respected', () => {
    const decision = decideTermination(aLetter(), aRequest({ endDate: '2027-08-31', agreedOtherwise: true }));
    expect(decision.ok && decision.value.noticeRespected).toBe(false);
  });

  it('R-G1 terminates only a signed letter in force, once', () => {
    expect(decideTermination(aLetter({ status: 'replaced' }), aRequest())).toMatchObject({
      error: { code: 'DOCUMENT.LETTER_NOT_IN_FORCE' },
    });
    expect(decideTermination(aLetter({ kind: 'work_order' }), aRequest())).toMatchObject({
      error: { code: 'DOCUMENT.LETTER_NOT_IN_FORCE' },
    });
    expect(decideTermination(aLetter({ endDate: '2027-12-31' }), aRequest())).toMatchObject({
      error: { code: 'TERMINATION.ALREADY_TERMINATED' },
    });
  });

  it('R-G1 needs a reason and an end date no earlier than the day before the start', () => {
    expect(decideTermination(aLetter(), aRequest({ reason: '  ' }))).toMatchObject({
      error: { code: 'TERMINATION.REASON_REQUIRED' },
    });
    expect(
      decideTermination(aLetter(), aRequest({ endDate: '2026-12-30', agreedOtherwise: true })),
    ).toMatchObject({
      error: { code: 'TERMINATION.END_BEFORE_START' },
    });
    expect(decideTermination(aLetter(), aRequest({ endDate: '2026-12-31', agreedOtherwise: true })).ok).toBe(
      true,
    );
  });

  it('R-G1 ends a letter renewed by a new letter at its first period end, or at once past it', () => {
    const terms = { ...aLetter(), renewal: 'new_letter' as const };
    expect(earliestEndDate(terms, '2027-11-02')).toBe('2027-12-31');
    expect(earliestEndDate(terms, '2028-02-10')).toBe('2028-02-10');
  });

  it('R-G1 takes the letter out of the scope in force from the day after its end date', () => {
    const letters = [aLetterInForce({ endDate: '2026-03-31' })];
    expect(scopeInForce({ letters, amendments: [] }, '2026-03-31').letters).toHaveLength(1);
    expect(scopeInForce({ letters, amendments: [] }, '2026-04-01').letters).toHaveLength(0);
  });
});

describe('R-A1 R-G1 former client (« ancien client »)', () => {
  const terminated = aLetterInForce({ endDate: '2026-03-31' });

  it('R-G1 makes a client with no letter left a former client, from the day after the last end date', () => {
    expect(engagementStanding('client', [terminated], '2026-03-31').standing).toBe('client');
    expect(engagementStanding('client', [terminated], '2026-04-01')).toEqual({
      standing: 'former_client',
      endedOn: '2026-03-31',
    });
  });

  it('R-G1 keeps a client whose letter was replaced, or which has a letter to come (reopened)', () => {
    const replaced = aLetterInForce({ replacedFrom: '2026-06-01' });
    const replacement = aLetterInForce({ id: 'lms-1', effectiveDate: '2026-06-01' });
    expect(engagementStanding('client', [replaced, replacement], '2027-01-01').standing).toBe('client');
    const reopened = aLetterInForce({ id: 'lm-2', effectiveDate: '2027-01-01' });
    expect(engagementStanding('client', [terminated, reopened], '2026-06-01').standing).toBe('client');
  });

  it('R-A1 leaves a prospect a prospect, and a client without any letter a client', () => {
    expect(engagementStanding('prospect', [], '2026-06-01').standing).toBe('prospect');
    expect(engagementStanding('client', [], '2026-06-01').standing).toBe('client');
  });

  it('R-G1 counts a letter both replaced and terminated by its earlier end', () => {
    const both = aLetterInForce({ replacedFrom: '2026-06-01', endDate: '2026-03-31' });
    expect(engagementStanding('client', [both], '2026-04-01').endedOn).toBe('2026-03-31');
  });
});
