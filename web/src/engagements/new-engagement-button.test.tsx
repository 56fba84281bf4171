// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../test/render.tsx';
import { NewEngagementButton } from './new-engagement-button.tsx';

const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');

/** The fetches the form makes, answered 201 with a new engagement. */
const recordFetches = () => {
  const bodies: unknown[] = [];
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    bodies.push(JSON.parse(String(init.body)));
    return new Response(JSON.stringify({ id: 'e1' }), {
      status: 201,
      headers: { 'content-type': 'application/json' },
    });
  });
  return bodies;
};

const open = async () => {
  renderInApp(
    <MemoryRouter>
      <NewEngagementButton />
    </MemoryRouter>,
  );
  await userEvent.setup().click(screen.getByRole('button', { name: 'Nouvelle affaire prospect' }));
  return screen.getByRole('dialog');
};

describe('a new prospect (issue 18, item 3)', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('refuses « pas-un-email », « 6900 » and a signatory without a name, all at once, sending nothing', async () => {
    const bodies = recordFetches();
    const dialog = await open();
    const user = userEvent.setup();
    await user.type(within(dialog).getByLabelText(/Raison sociale/), 'Garage Martin');
    await user.type(within(dialog).getByLabelText(/SIREN/), '732829320');
    await user.type(within(dialog).getByLabelText('Code postal'), '6900');
    await user.type(within(dialog).getByLabelText('E-mail'), 'pas-un-email');
    await user.click(within(dialog).getByRole('button', { name: 'Créer l’affaire' }));
    const text = plain(dialog.textContent);
    expect(text).toContain('Code postal invalide : 5 chiffres, par exemple 69001.');
    expect(text).toContain('Adresse e-mail invalide');
    expect(text).toContain('Indiquez le prénom.');
    expect(text).toContain('Indiquez le nom.');
    expect(bodies).toEqual([]);
  });

  it('a private person is sent as such, without SIREN, legal form or activity', async () => {
    const bodies = recordFetches();
    const dialog = await open();
    const user = userEvent.setup();
    await user.click(within(dialog).getByText('Particulier'));
    expect(within(dialog).queryByLabelText(/SIREN/)).toBeNull();
    await user.type(within(dialog).getByLabelText(/Nom du client/), 'Madame Jeanne Petit');
    await user.type(within(dialog).getByLabelText('Code postal'), '69002');
    await user.click(within(dialog).getByRole('button', { name: 'Créer l’affaire' }));
    await vi.waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({
      company: { name: 'Madame Jeanne Petit', postalCode: '69002', isIndividual: true },
    });
  });
});
