import { parisDate } from '../../domain/shared/dates.ts';
import { type ReviewToRemind, reviewReminderMail } from '../../domain/vigilance/review-reminder-mail.ts';
import { type ReviewDue, reviewsDueSoon } from '../../domain/vigilance/reviews.ts';
import type { Deps, FirmScope } from '../ports/index.ts';
import { queueMail } from '../signing/queue-mail.ts';

type Due = ReviewDue & { companyName: string };

/** Two runs raced for the same reminders: this one's transaction rolls back, the other's mail stands. */
class AlreadyReminded extends Error {}

/**
 * R-F4: the due dates within a month or overdue (reviewsDueSoon, as listed to the firm), one per
 * engagement and date, not yet reminded, grouped by responsible user with their client's name.
 */
const duesToRemind = async (scope: FirmScope, today: string): Promise<Map<string, Due[]>> => {
  const dues = new Map<string, ReviewDue>();
  const [files, reviews] = await Promise.all([
    scope.vigilance.listFiles(),
    scope.vigilance.listOpenReviews(),
  ]);
  for (const due of reviewsDueSoon(files, reviews, today)) {
    const key = `${due.engagementId}/${due.dueOn}`;
    if (!dues.has(key)) dues.set(key, due);
  }
  if (dues.size === 0) return new Map();
  const engagementIds = [...new Set([...dues.values()].map((d) => d.engagementId))];
  const [reminded, owners] = await Promise.all([
    scope.vigilance.listReminded(engagementIds),
    scope.vigilance.listFileOwners(engagementIds),
  ]);
  const done = new Set(reminded.map((r) => `${r.engagementId}/${r.dueOn}`));
  const ownerOf = new Map(owners.map((o) => [o.engagementId, o]));
  const byUser = new Map<string, Due[]>();
  for (const [key, due] of dues) {
    const owner = ownerOf.get(due.engagementId);
    if (done.has(key) || !owner) continue;
    const companyName = owner.companyName || owner.title;
    byUser.set(owner.responsibleUserId, [
      ...(byUser.get(owner.responsibleUserId) ?? []),
      { ...due, companyName },
    ]);
  }
  return byUser;
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
      const reviews: ReviewToRemind[] = input.dues.map((due) => ({
        companyName: due.companyName,
        dueOn: due.dueOn,
        reason: due.reason,
        link: `${deps.settings.publicUrl}/engagements/${due.engagementId}`,
      }));
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
 * due within a month or overdue; each due date is reminded once, whatever the runs or servers
 * (the reminder's key decides). Returns how many due dates were reminded.
 */
export const remindReviewsDue = async (
  deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'mailer' | 'settings'>,
  input: { firmId: string },
): Promise<number> => {
  const at = deps.clock.now();
  const scope = deps.store.read(input.firmId);
  const byUser = await duesToRemind(scope, parisDate(at));
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
