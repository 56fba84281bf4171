// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../test/render.tsx';
import { VigilancePurgePage } from './purge-page.tsx';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');

const expired = {
  engagementId: '6b1f8d3e-0000-4000-8000-000000000002',
  companyName: 'Boulangerie Martin',
  clientCode: 'C0042',
  relationshipEndedOn: '2021-03-31',
  retentionEndsOn: '2026-03-31',
};

/** The API as the page sees it: who is signed in, the files past retention, the purges it receives. */
const fakeApi = (role: 'associe' | 'collaborateur') => {
  const requested: string[] = [];
  const posted: { url: string; body: unknown }[] = [];
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      requested.push(url);
      if (url.endsWith('/auth/session')) return json({ id: 'u1', name: 'Claire Dupré', role });
      if (url.includes('/vigilance/purge'))
        return json({
          items: posted.length ? [] : [expired],
          total: posted.length ? 0 : 1,
          page: 1,
          pageSize: 200,
        });
      posted.push({ url, body: JSON.parse(String(init?.body)) });
      return json({
        engagementId: expired.engagementId,
        relationshipEndedOn: expired.relationshipEndedOn,
        purgedAt: '2026-12-07T10:00:00.000Z',
        purgedBy: 'u1',
        purgeReason: 'Fin de conservation',
      });
    }),
  );
  return { requested, posted };
};

describe('the files past their retention (R-F7)', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('R-F7 lists a file past its five years and purges it only with a reason', async () => {
    const api = fakeApi('associe');
    renderInApp(<VigilancePurgePage />);
    const table = await screen.findByRole('table', { name: 'Dossiers LCB-FT à purger' });
    expect(plain(table.textContent)).toContain('Boulangerie Martin (C0042)');
    expect(plain(table.textContent)).toContain('31/03/2021');
    expect(plain(table.textContent)).toContain('31/03/2026');
    fireEvent.click(screen.getByRole('button', { name: 'Purger…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Purger définitivement' }));
    expect(await screen.findByText('Indiquez le motif de la purge.')).toBeTruthy();
    expect(api.posted).toEqual([]);
    fireEvent.change(screen.getByRole('textbox', { name: /Motif de la purge/ }), {
      target: { value: 'Cinq ans passés depuis la fin de la mission' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Purger définitivement' }));
    await waitFor(() => expect(api.posted).toHaveLength(1));
    expect(api.posted[0]?.url).toContain(`/vigilance/files/${expired.engagementId}/purge`);
    expect(api.posted[0]?.body).toEqual({ reason: 'Cinq ans passés depuis la fin de la mission' });
    expect(await screen.findByText('Aucun dossier n’a dépassé ses cinq ans de conservation.')).toBeTruthy();
  });

  it('R-F7 a collaborateur is told purging is the associés’ and the list is not asked for', async () => {
    const api = fakeApi('collaborateur');
    renderInApp(<VigilancePurgePage />);
    expect(await screen.findByText('Seuls les associés purgent les dossiers LCB-FT.')).toBeTruthy();
    expect(api.requested.some((url) => url.includes('/vigilance/purge'))).toBe(false);
  });
});
