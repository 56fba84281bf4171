import { parisDate } from '../../domain/shared/dates.ts';
import { type ReviewToRemind, reviewReminderMail } from '../../domain/vigilance/review-reminder-mail.ts';
import { isReviewReminderDue } from '../../domain/vigilance/reviews.ts';
import type { Deps, FirmScope } from '../ports/index.ts';
import { queueMail } from '../signing/queue-mail.ts';

type Due = { engagementId: string; dueOn: string; reason: ReviewToRemind['reason'] };

/** Two runs raced for the same reminders: this one's transaction rolls back, the other's mail stands. */
class AlreadyReminded extends Error {}

/**
 * R-F4: the due dates (periodic review, or one asked by an amendment or a replacement letter)
 * within the reminder's days or overdue, one per engagement and date, not yet reminded. A file
 * whose relationship has ended, or that was purged, asks for no review.
 */
const duesToRemind = async (scope: FirmScope, today: string): Promise<Due[]> => {
  const files = (await scope.vigilance.listFiles()).filter(
    (f) => f.purgedAt === null && (f.relationshipEndedOn === null || f.relationshipEndedOn >= today),
  );
  const live = new Set(files.map((f) => f.engagementId));
  const dues = new Map<string, Due>();
  const add = (due: Due) => {
    const key = `${due.engagementId}/${due.dueOn}`;
    if (live.has(due.engagementId) && isReviewReminderDue(due.dueOn, today) && !dues.has(key))
      dues.set(key, due);
  };
  for (const file of files) {
    if (file.nextReviewDue)
      add({ engagementId: file.engagementId, dueOn: file.nextReviewDue, reason: 'periodic' });
  }
  for (const review of await scope.vigilance.listOpenReviews()) add(review);
  if (dues.size === 0) return [];
  const reminded = await scope.vigilance.listReminded([...live]);
  const done = new Set(reminded.map((r) => `${r.engagementId}/${r.dueOn}`));
  return [...dues.entries()].filter(([key]) => !done.has(key)).map(([, due]) => due);
};

/**
 * One user's mail: the reminders noted and the mail queued in one transaction (the mail goes out
 * after commit, through the outbox). A due date another run noted meanwhile rolls it back.
 */
const remindUser = async (
  deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'mailer' | 'settings'>,
  firmId: string,
  input: { userId: string; dues: Due[]; at: Date },
): Promise<number> => {
  try {
    return await deps.store.transaction(firmId, async (scope) => {
      const [firm, user] = await Promise.all([scope.firm.get(), scope.users.find(input.userId)]);
      if (!user?.isActive) return 0;
      const reviews: ReviewToRemind[] = [];
      for (const due of input.dues) {
        const engagement = await scope.engagements.find(due.engagementId);
        const company = engagement && (await scope.companies.find(engagement.companyId));
        reviews.push({
          companyName: company?.name ?? engagement?.title ?? '',
          dueOn: due.dueOn,
          reason: due.reason,
          link: `${deps.settings.publicUrl}/engagements/${due.engagementId}`,
        });
      }
      reviews.sort(
        (a, b) => a.dueOn.localeCompare(b.dueOn) || a.companyName.localeCompare(b.companyName, 'fr'),
      );
      const mailId = await queueMail(deps, scope, {
        kind: 'vigilance_review_reminder',
        documentId: null,
        to: { name: user.name, address: user.email },
        content: reviewReminderMail({
          firmName: firm.name,
          userName: user.name,
          reviews,
          today: parisDate(input.at),
        }),
        at: input.at,
      });
      for (const due of input.dues) {
        const noted = await scope.vigilance.insertReminder({
          engagementId: due.engagementId,
          dueOn: due.dueOn,
          userId: user.id,
          mailId,
          remindedAt: input.at,
        });
        if (!noted) throw new AlreadyReminded();
      }
      return input.dues.length;
    });
  } catch (error) {
    if (error instanceof AlreadyReminded) return 0;
    throw error;
  }
};

/**
 * R-F4: each responsible user gets one French mail listing the LCB-FT reviews of their engagements
 * due within thirty days or overdue; each due date is reminded once, whatever the runs or servers
 * (the reminder's key decides). Returns how many due dates were reminded.
 */
export const remindReviewsDue = async (
  deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'mailer' | 'settings'>,
  input: { firmId: string },
): Promise<number> => {
  const at = deps.clock.now();
  const scope = deps.store.read(input.firmId);
  const dues = await duesToRemind(scope, parisDate(at));
  const byUser = new Map<string, Due[]>();
  for (const due of dues) {
    const engagement = await scope.engagements.find(due.engagementId);
    if (!engagement) continue;
    byUser.set(engagement.responsibleUserId, [...(byUser.get(engagement.responsibleUserId) ?? []), due]);
  }
  let reminded = 0;
  for (const [userId, userDues] of byUser)
    reminded += await remindUser(deps, input.firmId, { userId, dues: userDues, at });
  return reminded;
};

/** The daily job: every firm; one firm's failure does not stop the others. */
export const sendReviewReminders = async (
  deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'mailer' | 'settings'>,
  options: { onFirmError?: (firmId: string, error: unknown) => void } = {},
): Promise<number> => {
  let reminded = 0;
  for (const firm of await deps.store.listFirms()) {
    try {
      reminded += await remindReviewsDue(deps, { firmId: firm.id });
    } catch (error) {
      options.onFirmError?.(firm.id, error);
    }
  }
  return reminded;
};
