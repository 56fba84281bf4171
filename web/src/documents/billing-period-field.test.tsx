// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentView } from '../api/types.ts';
import { renderInApp } from '../test/render.tsx';
import { DocumentEditor } from './document-editor.tsx';

/** A draft of `kind` with one monthly bookkeeping line. */
const aDraftView = (kind: 'engagement_letter' | 'proposal') =>
  ({
    document: {
      id: '00000000-0000-4000-8000-000000000001',
      kind,
      version: 2,
      amendsLetterId: null,
      title: kind === 'proposal' ? 'Proposition' : 'Lettre de mission',
      validUntil: null,
      effectiveDate: '2027-01-01',
      termsVersionId: null,
      paymentTerms: null,
      notes: null,
      firmSignatoryId: null,
      billingPeriod: 'monthly',
      lines: [
        {
          id: '00000000-0000-4000-8000-00000000000c',
          operation: 'line',
          targetLineId: null,
          serviceId: null,
          label: 'Tenue comptable',
          description: null,
          unitLabel: null,
          quantity: '1',
          unitPriceCents: 10300,
          vatRateBp: 2000,
          recurrence: 'monthly',
        },
      ],
    },
  }) as unknown as DocumentView;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const realFetch = globalThis.fetch;

/** Answers every read with an empty list and records the bodies of the PATCHes. */
const recordPatches = (view: DocumentView): unknown[] => {
  const patched: unknown[] = [];
  globalThis.fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
    if (init?.method === 'PATCH') {
      patched.push(JSON.parse(String(init.body)));
      return json({ ...view.document, version: 3 });
    }
    return json({ items: [], total: 0, page: 1, pageSize: 200 });
  }) as typeof fetch;
  return patched;
};

describe('R-G2 the billing period of a letter in its editor', () => {
  afterEach(() => {
    cleanup();
    globalThis.fetch = realFetch;
  });

  it('R-G2 a letter offers « Périodicité de facturation » and saves the period chosen', async () => {
    const view = aDraftView('engagement_letter');
    const patched = recordPatches(view);
    renderInApp(<DocumentEditor view={view} />);
    const select = screen.getByLabelText('Périodicité de facturation') as HTMLSelectElement;
    expect([...select.options].map((option) => option.text)).toEqual([
      'Mensuelle',
      'Trimestrielle',
      'Annuelle',
    ]);
    expect(select.value).toBe('monthly');
    const user = userEvent.setup();
    await user.selectOptions(select, 'quarterly');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(patched).toHaveLength(1));
    expect(patched[0]).toMatchObject({ version: 2, billingPeriod: 'quarterly' });
  });

  it('R-G2 a proposal has no billing period: none shown, none sent', async () => {
    const view = aDraftView('proposal');
    const patched = recordPatches(view);
    renderInApp(<DocumentEditor view={view} />);
    expect(screen.queryByLabelText('Périodicité de facturation')).toBeNull();
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Titre'));
    await user.type(screen.getByLabelText('Titre'), 'Proposition 2027');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(patched).toHaveLength(1));
    expect(patched[0]).not.toHaveProperty('billingPeriod');
  });
});
