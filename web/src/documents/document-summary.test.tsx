// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentView } from '../api/types.ts';
import { renderInApp } from '../test/render.tsx';
import { DocumentSummary } from './document-summary.tsx';

const totals = {
  totalHtCents: 123_600,
  vat: [],
  totalVatCents: 0,
  totalTtcCents: 123_600,
  annualRecurringHtCents: 123_600,
  oneOffHtCents: 0,
  monthlyInstalmentsCents: [],
};
const viewOf = (document: Record<string, unknown>) =>
  ({
    document: {
      id: '00000000-0000-4000-8000-0000000000a1',
      engagementId: '00000000-0000-4000-8000-0000000000e1',
      status: 'signed',
      number: 'LM-2027-0001',
      title: 'Lettre de mission',
      effectiveDate: '2027-01-01',
      validUntil: null,
      cancelReason: null,
      refusalReason: null,
      lines: [],
      totals,
      ...document,
    },
    signatures: [],
    outsideScopeLineIds: [],
  }) as unknown as DocumentView;

describe('a document read as it stands', () => {
  afterEach(cleanup);

  it('R-G2 a signed letter says how often it is billed', () => {
    renderInApp(<DocumentSummary view={viewOf({ kind: 'engagement_letter', billingPeriod: 'quarterly' })} />);
    expect(screen.getByText(/Périodicité de facturation : Trimestrielle/)).toBeTruthy();
  });

  it('a proposal has no billing period of its own', () => {
    renderInApp(<DocumentSummary view={viewOf({ kind: 'proposal', billingPeriod: 'monthly' })} />);
    expect(screen.queryByText(/Périodicité de facturation/)).toBeNull();
  });
});
