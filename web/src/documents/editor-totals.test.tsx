// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useMemo, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInApp } from '../test/render.tsx';
import { type DraftLine, draftTotals, emptyLine } from './draft-lines.ts';
import { LinesEditor } from './lines-editor.tsx';
import { TotalsPanel } from './totals-panel.tsx';

/** The editor as the document page composes it: lines on the left, live totals beside them. */
const Editor = ({ initial }: { initial: DraftLine[] }) => {
  const [lines, setLines] = useState(initial);
  const totals = useMemo(() => draftTotals(lines), [lines]);
  return (
    <>
      <LinesEditor lines={lines} onChange={setLines} services={[]} />
      <TotalsPanel totals={totals} />
    </>
  );
};

// Intl writes a narrow no-break space in thousands and a no-break space before €.
const plain = (text: string | null) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');
const cell = (testId: string) => plain(screen.getByTestId(testId).textContent);

const typeLine = async (values: { quantity: string; price: string; recurrence?: string; vat?: string }) => {
  const user = userEvent.setup();
  const quantity = screen.getByLabelText('Quantité, ligne 1');
  await user.clear(quantity);
  await user.type(quantity, values.quantity);
  const price = screen.getByLabelText('Prix unitaire, ligne 1');
  await user.clear(price);
  await user.type(price, values.price);
  if (values.recurrence)
    await user.selectOptions(screen.getByLabelText('Récurrence, ligne 1'), values.recurrence);
  if (values.vat) await user.selectOptions(screen.getByLabelText('TVA, ligne 1'), values.vat);
};

describe('the document editor’s live totals (DOMAIN.md E, worked examples)', () => {
  afterEach(cleanup);

  it('a fixed fee of 1 200,00 € × 1,03 is 1 236,00 € HT, paid 12 × 103,00 €', async () => {
    renderInApp(<Editor initial={[{ ...emptyLine(), label: 'Révision' }]} />);
    await typeLine({ quantity: '1,03', price: '1 200,00', recurrence: 'yearly' });
    expect(cell('total-ht')).toBe('1 236,00 €');
    expect(cell('annual-recurring')).toBe('1 236,00 €');
    expect(plain(screen.getByTestId('instalments').textContent)).toBe('Mensualités : 12 × 103,00 €');
  });

  it('7 payslips × 25,75 € is 180,25 € HT', async () => {
    renderInApp(<Editor initial={[{ ...emptyLine(), label: 'Bulletin de paie' }]} />);
    await typeLine({ quantity: '7', price: '25,75' });
    expect(cell('total-ht')).toBe('180,25 €');
    expect(cell('one-off')).toBe('180,25 €');
  });

  it('103,00 € HT at 20 % gives a VAT of 20,60 € and 123,60 € TTC; 0 % adds no VAT', async () => {
    renderInApp(<Editor initial={[{ ...emptyLine(), label: 'Attestation' }]} />);
    await typeLine({ quantity: '1', price: '103' });
    expect(cell('vat-2000')).toBe('20,60 €');
    expect(cell('total-vat')).toBe('20,60 €');
    expect(cell('total-ttc')).toBe('123,60 €');
    await userEvent.setup().selectOptions(screen.getByLabelText('TVA, ligne 1'), '0');
    expect(cell('total-ttc')).toBe('103,00 €');
  });

  it('1 000,00 € a year is paid 11 × 83,33 € then 83,37 €', async () => {
    renderInApp(<Editor initial={[{ ...emptyLine(), label: 'Secrétariat juridique' }]} />);
    await typeLine({ quantity: '1', price: '1000', recurrence: 'yearly' });
    expect(plain(screen.getByTestId('instalments').textContent)).toBe(
      'Mensualités : 11 × 83,33 € puis 83,37 €',
    );
  });

  it('a monthly line counts twelve times in the annual fees; VAT is per rate on the sum of the lines', async () => {
    const monthly = {
      ...emptyLine(),
      label: 'Tenue',
      quantity: '1',
      price: '150,00',
      recurrence: 'monthly' as const,
    };
    const disbursement = { ...emptyLine(), label: 'Débours', quantity: '1', price: '45,50', vatRateBp: 0 };
    renderInApp(<Editor initial={[monthly, disbursement]} />);
    expect(cell('annual-recurring')).toBe('1 800,00 €');
    expect(cell('total-ht')).toBe('1 845,50 €');
    expect(cell('vat-2000')).toBe('360,00 €');
    expect(cell('vat-0')).toBe('0,00 €');
    expect(cell('total-ttc')).toBe('2 205,50 €');
  });

  it('an unreadable quantity counts for nothing and says so by its field', async () => {
    renderInApp(<Editor initial={[{ ...emptyLine(), label: 'Conseil', price: '100,00' }]} />);
    await typeLine({ quantity: 'sept', price: '100,00' });
    expect(cell('total-ht')).toBe('0,00 €');
    const row = screen.getAllByTestId('line-row')[0] as HTMLElement;
    expect(within(row).getByText(/Quantité illisible/)).toBeTruthy();
  });
});

const errorOf = (label: string) => {
  const input = screen.getByLabelText(label);
  const id = input
    .getAttribute('aria-describedby')
    ?.split(' ')
    .find((part) => part.includes('error'));
  return id ? plain(document.getElementById(id)?.textContent ?? '') : undefined;
};

describe('the line editor’s errors, in euros and on the right field (issue 18)', () => {
  afterEach(cleanup);

  it('an unreadable price is said on the price, in euros, and the quantity stays clean', async () => {
    renderInApp(<Editor initial={[{ ...emptyLine(), label: 'Conseil' }]} />);
    await typeLine({ quantity: '2', price: '12x' });
    expect(errorOf('Prix unitaire, ligne 1')).toBe('Montant illisible : en euros, par exemple 1 250,50.');
    expect(errorOf('Quantité, ligne 1')).toBeUndefined();
    expect(cell('total-ht')).toBe('0,00 €');
    expect(plain(screen.getByTestId('lines-uncounted').textContent)).toBe(
      'Lignes sans montant lisible, non comptées dans les totaux : 1',
    );
  });

  it('the API’s « Montant en centimes attendu » is shown on the price, in euros', () => {
    const line = { ...emptyLine(), label: 'Conseil', price: '100,00' };
    renderInApp(
      <LinesEditor
        lines={[line]}
        onChange={() => undefined}
        services={[]}
        errors={{ 'lines.0.unitPriceCents': 'Montant en centimes attendu (123600 pour 1 236,00 €).' }}
      />,
    );
    expect(errorOf('Prix unitaire, ligne 1')).toBe('Montant illisible : en euros, par exemple 1 250,50.');
    expect(errorOf('Quantité, ligne 1')).toBeUndefined();
  });

  it('a price beyond what the API takes is refused and not counted in the totals', async () => {
    renderInApp(<Editor initial={[{ ...emptyLine(), label: 'Conseil' }]} />);
    await typeLine({ quantity: '1', price: '20 000 000,00' });
    expect(errorOf('Prix unitaire, ligne 1')).toMatch(/Montant illisible/);
    expect(cell('total-ht')).toBe('0,00 €');
  });

  it('a price is read back with its thousands apart once left: « 1250,5 » becomes « 1 250,50 »', async () => {
    renderInApp(<Editor initial={[{ ...emptyLine(), label: 'Conseil' }]} />);
    await typeLine({ quantity: '1', price: '1250,5' });
    await userEvent.setup().tab();
    expect(plain((screen.getByLabelText('Prix unitaire, ligne 1') as HTMLInputElement).value)).toBe(
      '1 250,50',
    );
    expect(cell('total-ht')).toBe('1 250,50 €');
  });
});
