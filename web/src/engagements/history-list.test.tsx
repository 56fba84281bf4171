// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';
import { renderInApp } from '../test/render.tsx';
import { describeEvent, groupHistory } from './history-list.tsx';

const anEvent = (type: string) =>
  ({
    id: '1',
    type,
    at: '2026-11-29T09:00:00.000Z',
    after: { number: 'OS-2026-0001' },
  }) as unknown as HistoryEvent;

const Described = ({ event }: { event: HistoryEvent }) => <p>{describeEvent(useT(), event)}</p>;

describe('an engagement’s history', () => {
  afterEach(cleanup);

  it('shows an event type it has no words for as itself, and the page still renders', () => {
    renderInApp(<Described event={anEvent('signing.something_new')} />);
    expect(screen.getByText('signing.something_new (OS-2026-0001)')).toBeTruthy();
  });

  it('groups the events of one document under it, newest first, where its latest event is', () => {
    const event = (id: number, type: string, documentId: string | null) =>
      ({ id, type, documentId, at: '2026-11-29T09:00:00.000Z' }) as unknown as HistoryEvent;
    const entries = groupHistory([
      event(1, 'engagement.created', null),
      event(2, 'document.created', 'offre'),
      event(3, 'document.created', 'lettre'),
      event(4, 'document.sent', 'offre'),
      event(5, 'engagement.updated', null),
      event(6, 'document.signed', 'offre'),
    ]);
    expect(
      entries.map((entry) =>
        entry.kind === 'event'
          ? entry.event.type
          : `${entry.documentId}: ${entry.events.map((e) => e.type).join(', ')}`,
      ),
    ).toEqual([
      'offre: document.signed, document.sent, document.created',
      'engagement.updated',
      'lettre: document.created',
      'engagement.created',
    ]);
  });

  it('keeps the engagement’s own milestone on its line, even when a document’s signature set it off', () => {
    const event = (id: number, type: string, documentId: string | null) =>
      ({ id, type, documentId, at: '2026-11-29T09:00:00.000Z' }) as unknown as HistoryEvent;
    const entries = groupHistory([
      event(1, 'document.signed', 'offre'),
      event(2, 'engagement.converted', 'offre'),
    ]);
    expect(entries.map((entry) => (entry.kind === 'event' ? entry.event.type : entry.documentId))).toEqual([
      'engagement.converted',
      'offre',
    ]);
  });
});
