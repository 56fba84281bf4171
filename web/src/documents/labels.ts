import { KINDS_BY_ENGAGEMENT_STATE } from '../../../src/domain/documents/kinds.ts';
import type { DocumentKind, DocumentStatus, Recurrence } from '../api/types.ts';
import type { MessageKey } from '../i18n/fr.ts';

export const kindKey = (kind: DocumentKind): MessageKey => `kind.${kind}`;
export const statusKey = (status: DocumentStatus): MessageKey => `status.${status}`;
export const recurrenceKey = (recurrence: Recurrence): MessageKey => `recurrence.${recurrence}`;

export const STATUS_COLORS: Record<DocumentStatus, string> = {
  draft: 'gray',
  sent: 'blue',
  signed: 'teal',
  refused: 'red',
  expired: 'orange',
  cancelled: 'dark',
  replaced: 'violet',
};

/** R-A2, R-A3: a prospect holds proposals and letters only; a client holds all five kinds. */
export const allowedKinds = (state: 'prospect' | 'client'): DocumentKind[] => [
  ...KINDS_BY_ENGAGEMENT_STATE[state],
];
