// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../test/render.tsx';
import { EngagementListPage } from './engagement-list-page.tsx';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');

/** The API as the list sees it: the engagements page given, an empty user list, no one signed in. */
const answer = (page: Record<string, unknown>) =>
  vi.stubGlobal('fetch', async (url: string) => {
    const path = new URL(url, 'http://lettrine.test').pathname;
    const body = path.endsWith('/engagements')
      ? page
      : path.endsWith('/users')
        ? { items: [], total: 0, page: 1, pageSize: 200 }
        : null;
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  });

const item = {
  id: '0b8f1f4e-7a8e-4c57-9a39-000000000001',
  companyId: '0b8f1f4e-7a8e-4c57-9a39-000000000002',
  title: 'Boulangerie Martin',
  state: 'client',
  responsibleUserId: '0b8f1f4e-7a8e-4c57-9a39-000000000003',
  signatoryContactId: null,
  clientCode: 'C001',
  convertedAt: null,
  version: 1,
  createdAt: '2026-11-02T09:00:00.000Z',
  updatedAt: '2026-11-29T09:00:00.000Z',
  companyName: 'Boulangerie Martin',
  siren: '552100554',
  responsibleName: 'Louise Garnier',
};

describe('the engagement list’s count (issue 19)', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('says « 1 236 affaire(s) » for an exact total, in French digits', async () => {
    answer({ items: [item], total: 1236, page: 1, pageSize: 25 });
    renderInApp(
      <MemoryRouter>
        <EngagementListPage />
      </MemoryRouter>,
    );
    expect(plain((await screen.findByTestId('engagements-count')).textContent)).toBe('1 236 affaire(s)');
  });

  it('says « plus de 1 000 » and asks to refine when the search stopped counting', async () => {
    answer({ items: [item], total: 1000, totalIsExact: false, page: 1, pageSize: 25 });
    renderInApp(
      <MemoryRouter>
        <EngagementListPage />
      </MemoryRouter>,
    );
    expect(plain((await screen.findByTestId('engagements-count')).textContent)).toBe(
      'Plus de 1 000 affaires : affinez la recherche pour les voir toutes',
    );
  });
});
