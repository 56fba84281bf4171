import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { NoticeTerminationLink } from '../billing/notice-termination-link.tsx';
import { formatDay } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { useNoticeDeadlines } from '../renewals/queries.ts';
import { QueryState } from '../ui/query-state.tsx';

/** The card shows the soonest few; the renewals page lists them all. */
const SHOWN = 10;

/**
 * Renewals due: the letters whose notice deadline comes within 90 days. Asked once the page's main
 * figures are in: the embedded database answers one query at a time.
 */
export const NoticeCard = ({ ready }: { ready: boolean }) => {
  const t = useT();
  const deadlines = useNoticeDeadlines(90, { pageSize: SHOWN, enabled: ready });
  return (
    <Card withBorder component="section" aria-labelledby="notice-title">
      <Title order={3} size="h5" id="notice-title" mb="xs">
        {t('dashboard.notice')}
      </Title>
      <QueryState query={deadlines}>
        {({ items }) =>
          items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('dashboard.noNotice')}
            </Text>
          ) : (
            <Stack gap={6}>
              {items.map(({ letterId, letterNumber, companyName, periodEnd, noticeDeadline, endDate }) => (
                <Stack gap={0} key={letterId}>
                  <Anchor component={Link} to={`/documents/${letterId}`} size="sm">
                    {companyName} — {letterNumber}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t('dashboard.noticeLine', {
                      notice: formatDay(noticeDeadline),
                      end: formatDay(periodEnd),
                    })}
                  </Text>
                  <NoticeTerminationLink letterId={letterId} endDate={endDate} />
                </Stack>
              ))}
              <Anchor component={Link} to="/renouvellements" size="xs">
                {t('renewals.seeAll')}
              </Anchor>
            </Stack>
          )
        }
      </QueryState>
    </Card>
  );
};
