// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useT } from '../i18n/i18n.tsx';
import { renderInApp } from '../test/render.tsx';
import { describeFileEvent } from './history-card.tsx';
import { MatchItem } from './match-card.tsx';
import type { FileEvent, Match, VigilanceFile } from './types.ts';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');

const match: Match = {
  id: '6b1f8d3e-0000-4000-8000-000000000001',
  engagementId: '6b1f8d3e-0000-4000-8000-000000000002',
  personId: 'p1',
  personName: 'Jean Etienne Dupont Moreau',
  entryId: '4102',
  matchedName: 'Jean-Étienne DUPONT-MOREAU',
  score: 0.97,
  birthDateAgrees: true,
  entryBirthDates: [{ year: 1965, month: null, day: null }],
  status: 'open',
  foundAt: new Date('2026-12-01T09:00:00Z'),
  decidedBy: null,
  decidedAt: null,
  reason: null,
};

/** The API as the component sees it: who is signed in, the users, and the decisions it receives. */
const fakeApi = (role: 'associe' | 'collaborateur') => {
  const posted: { url: string; body: unknown }[] = [];
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url.endsWith('/auth/session')) return json({ id: 'u1', name: 'Claire Dupré', role });
      if (url.includes('/users')) return json({ items: [], total: 0, page: 1, pageSize: 200 });
      posted.push({ url, body: JSON.parse(String(init?.body)) });
      return json({ ...match, status: 'cleared' });
    }),
  );
  return posted;
};

describe('a possible match with the asset-freeze register (R-F5)', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('R-F5 shows the register entry against the person: names, birth dates, similarity', async () => {
    fakeApi('associe');
    renderInApp(<MatchItem match={match} birthDate="1965-05-05" />);
    const item = await screen.findByRole('group', { name: /Jean Etienne Dupont Moreau/ });
    expect(plain(item.textContent)).toContain('Dossier : né(e) le 05/05/1965');
    expect(plain(item.textContent)).toContain('Entrée n° 4102 du registre');
    expect(plain(item.textContent)).toContain('Registre : né(e) en 1965');
    expect(plain(item.textContent)).toContain('Date de naissance concordante');
    expect(plain(item.textContent)).toContain('Similarité des noms : 97 %');
  });

  it('R-F5 shows the register’s birth dates as it gives them: day, month or year only, or none', async () => {
    fakeApi('collaborateur');
    const entryBirthDates = [
      { year: 1970, month: 3, day: 12 },
      { year: 1971, month: 6, day: null },
    ];
    renderInApp(<MatchItem match={{ ...match, entryBirthDates, birthDateAgrees: null }} birthDate={null} />);
    const item = await screen.findByRole('group', { name: /Jean Etienne Dupont Moreau/ });
    expect(plain(item.textContent)).toContain('Registre : né(e) le 12/03/1970 ou né(e) en 06/1971');
    expect(plain(item.textContent)).toContain('Dossier : date de naissance non renseignée');
    cleanup();
    renderInApp(<MatchItem match={{ ...match, entryBirthDates: [] }} birthDate="1965-05-05" />);
    const none = await screen.findByRole('group', { name: /Jean Etienne Dupont Moreau/ });
    expect(plain(none.textContent)).toContain('Registre : date de naissance non renseignée');
  });

  it('R-F5 an associé clears a match only with a reason', async () => {
    const posted = fakeApi('associe');
    renderInApp(<MatchItem match={match} birthDate={null} />);
    const clear = await screen.findByRole('button', { name: /^Lever\s:\spas la même personne$/ });
    fireEvent.click(clear);
    expect(await screen.findByText('Le motif est obligatoire.')).toBeTruthy();
    expect(posted).toEqual([]);
    fireEvent.change(screen.getByLabelText(/Motif de la décision/), {
      target: { value: 'Homonyme : né en 1972.' },
    });
    fireEvent.click(clear);
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]?.url).toBe(`/api/v1/vigilance/matches/${match.id}/decision`);
    expect(posted[0]?.body).toEqual({ decision: 'cleared', reason: 'Homonyme : né en 1972.' });
  });

  it('R-F5 a collaborator sees the match, never the decision buttons', async () => {
    fakeApi('collaborateur');
    renderInApp(<MatchItem match={match} birthDate={null} />);
    expect(await screen.findByText('En attente de la décision d’un associé.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Lever/ })).toBeNull();
  });
});

/** Writes the history's sentence for an event into `into` (describeFileEvent needs the app's words). */
const Said = ({ event, file, into }: { event: FileEvent; file: VigilanceFile; into: string[] }) => {
  into.push(describeFileEvent(useT(), event, file));
  return null;
};

describe('the history of an LCB-FT file, in words', () => {
  const file = {
    evidence: [{ id: 'e1', fileName: 'kbis.pdf' }],
  } as unknown as VigilanceFile;
  const event = (type: string, data: Record<string, unknown>): FileEvent => ({
    id: type,
    type,
    userId: null,
    at: new Date('2026-12-01T09:00:00Z'),
    data,
  });
  /** The sentence the history shows for an event, in French (rendered: the words need the app's i18n). */
  const say = (type: string, data: Record<string, unknown>) => {
    const said: string[] = [];
    renderInApp(<Said event={event(type, data)} file={file} into={said} />);
    return plain(said.at(-1));
  };

  afterEach(cleanup);

  it('names what changed, the evidence checked, the match decided, the next review', () => {
    expect(
      say('identification.updated', {
        before: { representatives: [] },
        after: { representatives: [{ lastName: 'Garnier' }] },
      }),
    ).toBe('Identification modifiée : représentants légaux');
    expect(say('evidence.checked', { evidenceId: 'e1' })).toBe('Justificatif vérifié : kbis.pdf');
    expect(say('screening.cleared', { personName: 'Jean Dupont' })).toBe(
      'Correspondance levée : Jean Dupont',
    );
    expect(say('review.completed', { nextReviewDue: '2029-12-07' })).toBe(
      'Revue faite ; prochaine revue le 07/12/2029',
    );
    expect(say('assessment.recorded', { level: 'enhanced' })).toBe(
      'Évaluation du risque enregistrée : Vigilance renforcée',
    );
  });

  it('says the end of the relationship and the purge (R-F7)', () => {
    expect(say('relationship.ended', { before: null, after: '2027-06-30' })).toBe(
      'Fin de la relation d’affaires le 30/06/2027',
    );
    expect(say('file.purged', {})).toBe('Dossier purgé, cinq ans après la fin de la relation');
  });

  it('shows an event type it does not know as itself', () => {
    expect(say('file.archived', {})).toBe('file.archived');
  });
});
