import { useQuery } from '@tanstack/react-query';
import { api, query } from '../api/client.ts';
import type { DocumentListItem, DocumentView, Page } from '../api/types.ts';

export type NoticeDeadline = { letter: DocumentListItem; periodEnd: string; noticeDeadline: string };

const MAX_LETTERS = 50;

/**
 * Letters in force whose notice deadline (the last day to end or renew them before their period
 * ends) falls within `days`. The list of documents does not carry the term, so each signed letter's
 * page is read, at most 50, eight at a time: an endpoint of its own belongs to the renewal work.
 */
export const useNoticeDeadlines = (today: string, until: string, enabled: boolean) =>
  useQuery({
    enabled,
    queryKey: ['dashboard', 'notice-deadlines', today, until],
    staleTime: 60_000,
    queryFn: async (): Promise<NoticeDeadline[]> => {
      const lists = await Promise.all(
        (['engagement_letter', 'replacement_letter'] as const).map((kind) =>
          api<Page<DocumentListItem>>(
            `/documents${query({ kind, status: 'signed', pageSize: MAX_LETTERS })}`,
          ),
        ),
      );
      const queue = lists.flatMap((list) => list.items).slice(0, MAX_LETTERS);
      const found: NoticeDeadline[] = [];
      const worker = async () => {
        for (let letter = queue.shift(); letter; letter = queue.shift()) {
          const view = await api<DocumentView>(`/documents/${letter.id}`);
          const term = view.term;
          if (term && term.noticeDeadline >= today && term.noticeDeadline <= until)
            found.push({ letter, periodEnd: term.periodEnd, noticeDeadline: term.noticeDeadline });
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      return found.sort((a, b) => a.noticeDeadline.localeCompare(b.noticeDeadline));
    },
  });
