// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../api/types.ts';
import { renderInApp } from '../test/render.tsx';
import { formatPercent, progressCounts } from './labels.ts';
import { PreviewSummary } from './preview-summary.tsx';
import { CountProgress } from './progress-bar.tsx';

// Intl writes a narrow no-break space in thousands and a no-break space before €.
const plain = (text: string | null) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');
const figure = (testId: string) => plain(screen.getByTestId(testId).textContent);

const summary: CampaignSummary = {
  selected: 4,
  planned: 3,
  skipped: 1,
  skippedByReason: {
    left_out: 0,
    no_letter_in_force: 0,
    replacement_pending: 1,
    amendment_after_effective_date: 0,
    vigilance_incomplete: 0,
  },
  annualBeforeCents: 1_200_000,
  annualAfterCents: 1_236_000,
  changePercent: '3.00',
  distribution: [
    { band: 'decrease', clients: 0 },
    { band: '2-3', clients: 3 },
  ],
};

describe('the preview summary of a renewal campaign (R-D5)', () => {
  afterEach(cleanup);

  it('shows the annual fees before and after in euros, and the change as « +3,00 % »', () => {
    renderInApp(<PreviewSummary summary={summary} />);
    expect(figure('summary-before')).toBe('12 000,00 €');
    expect(figure('summary-after')).toBe('12 360,00 €');
    expect(figure('summary-change')).toBe('+3,00 %');
    expect(figure('summary-planned')).toBe('3 sur 4');
  });

  it('names the reasons of the skipped clients and the bands that hold clients only', () => {
    renderInApp(<PreviewSummary summary={summary} />);
    expect(plain(screen.getByTestId('summary-skipped').textContent)).toBe(
      'Lettre substitutive déjà en cours : 1',
    );
    expect(screen.getByText('1 client écarté')).toBeTruthy();
    expect(screen.getByRole('row', { name: /De 2 à 3 %.*3 clients/ })).toBeTruthy();
    expect(screen.queryByText('Baisse')).toBeNull();
  });

  it('writes a percent the French way, its sign first', () => {
    expect(plain(formatPercent('3.00'))).toBe('+3,00 %');
    expect(plain(formatPercent('-1.50'))).toBe('-1,50 %');
    expect(plain(formatPercent('0.00'))).toBe('0,00 %');
    expect(formatPercent(null)).toBe('—');
  });
});

describe('the progress bar of a campaign', () => {
  afterEach(cleanup);

  it('counts letters for assistive technologies: aria-valuenow out of aria-valuemax', () => {
    renderInApp(
      <CountProgress label="Génération" value={1234} max={10_000} text="1 234 / 10 000 lettres générées" />,
    );
    const bar = screen.getByRole('progressbar', { name: 'Génération' });
    expect(bar.getAttribute('aria-valuenow')).toBe('1234');
    expect(bar.getAttribute('aria-valuemax')).toBe('10000');
    expect(bar.getAttribute('aria-valuetext')).toBe('1 234 / 10 000 lettres générées');
    // Mantine's own section would add a second progressbar counting percents.
    expect(screen.getAllByRole('progressbar')).toHaveLength(1);
  });

  it('counts a skipped client as processed but not as a letter, whatever the sent letters count as', () => {
    const during = { total: 10, pending: 4, generated: 5, skipped: 1, sent: 0, sendFailed: 0 };
    expect(progressCounts(during)).toMatchObject({ processed: 6, letters: 5 });
    const sending = { total: 10, pending: 0, generated: 6, skipped: 1, sent: 2, sendFailed: 1 };
    expect(progressCounts(sending)).toMatchObject({ processed: 10, letters: 9, sendDone: 3 });
  });
});
