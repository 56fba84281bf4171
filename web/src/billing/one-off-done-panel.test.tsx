// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentView } from '../api/types.ts';
import { renderInApp } from '../test/render.tsx';
import { OneOffDonePanel } from './one-off-done-panel.tsx';

const view = (status: string, role = 'collaborateur') => {
  const posted: { url: string; body: unknown }[] = [];
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url.endsWith('/auth/session')) return json({ id: 'u1', name: 'Claire Dupré', role });
      const body = JSON.parse(String(init?.body)) as { doneOn: string };
      posted.push({ url, body });
      return json({ lineId: 'l1', doneOn: body.doneOn, alreadyDone: false });
    }),
  );
  const document = {
    id: 'bi-1',
    kind: 'work_order',
    status,
    lines: [
      { id: 'l1', label: 'Attestation particulière', unitPriceCents: 15_000, recurrence: 'one_off' },
      { id: 'l2', label: 'Tenue', unitPriceCents: 10_000, recurrence: 'monthly' },
    ],
  };
  return { posted, view: { document } as unknown as DocumentView };
};

describe('« Marquer réalisé » on a signed work order (R-G2)', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('R-G2 marks a one-off line done on the day given, after a French confirmation', async () => {
    const { posted, view: signed } = view('signed');
    renderInApp(<OneOffDonePanel view={signed} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Marquer réalisé' }));
    expect(
      await screen.findByText(/La prestation « Attestation particulière » sera facturée le mois/),
    ).toBeTruthy();
    // The shared date field: typed the French way, JJ/MM/AAAA.
    const doneOn = screen.getByLabelText(/Réalisée le/);
    fireEvent.change(doneOn, { target: { value: '15/05/2027' } });
    fireEvent.blur(doneOn);
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer la réalisation' }));
    expect(await screen.findByText('Prestation marquée réalisée : facturée en 05/2027.')).toBeTruthy();
    expect(posted).toEqual([{ url: '/api/v1/documents/bi-1/lines/l1/done', body: { doneOn: '2027-05-15' } }]);
    expect(screen.queryByText('Tenue')).toBeNull();
  });

  it('R-G2 offers nothing on a work order not signed, nor to a reader', async () => {
    renderInApp(<OneOffDonePanel view={view('sent').view} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('button', { name: 'Marquer réalisé' })).toBeNull();
    cleanup();
    renderInApp(<OneOffDonePanel view={view('signed', 'lecture').view} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('button', { name: 'Marquer réalisé' })).toBeNull();
  });
});
