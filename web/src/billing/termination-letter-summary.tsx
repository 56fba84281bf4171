import { Anchor, Card, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { annualValue } from '../../../src/domain/documents/fees.ts';
import { useDocument, useScope } from '../api/queries.ts';
import type { DocumentView, Scope } from '../api/types.ts';
import { kindKey, recurrenceKey } from '../documents/labels.ts';
import { formatCents, formatDay, formatDecimal } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { useTerminations } from './queries.ts';
import type { Termination } from './types.ts';

/** "2027-12-31" → "2028-01-01": the first day the letter no longer covers. */
const dayAfter = (iso: string): string => {
  const next = new Date(`${iso}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
};

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <Table.Tr>
    <Table.Th w={220}>{label}</Table.Th>
    <Table.Td>{children}</Table.Td>
  </Table.Tr>
);

/** R-G1: the services in force on the end date that end with the letter (its amendments applied, R-C3). */
const EndingServices = ({ termination }: { termination: Termination }) => {
  const t = useT();
  const scope = useScope(termination.engagementId, termination.endDate);
  if (!scope.data) return null;
  const letter = scope.data.letters.find((item) => item.letterId === termination.letterId);
  const lines: Scope['lines'] = letter?.lines ?? [];
  return (
    <>
      <Title order={4} size="h5" mt="md" mb="xs" id="ending-services-title">
        {t('termination.endingServices')}
      </Title>
      {lines.length === 0 ? (
        <Text size="sm">{t('termination.noEndingServices')}</Text>
      ) : (
        <Table aria-labelledby="ending-services-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('line.label')}</Table.Th>
              <Table.Th>{t('line.recurrence')}</Table.Th>
              <Table.Th>{t('line.quantity')}</Table.Th>
              <Table.Th ta="right">{t('billing.annualHt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line) => (
              <Table.Tr key={line.lineId}>
                <Table.Td>{line.label}</Table.Td>
                <Table.Td>{t(recurrenceKey(line.recurrence))}</Table.Td>
                <Table.Td>
                  {[formatDecimal(line.quantity), line.unitLabel].filter(Boolean).join(' ')}
                </Table.Td>
                <Table.Td ta="right">
                  {line.recurrence === 'one_off' ? '—' : formatCents(annualValue(line))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={3}>{t('termination.annualTotal')}</Table.Th>
              <Table.Th ta="right">{formatCents(letter?.annualRecurringCents ?? 0)}</Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      )}
    </>
  );
};

const TerminationFacts = ({ termination }: { termination: Termination }) => {
  const t = useT();
  const ended = useDocument(termination.letterId).data?.document;
  return (
    <Table variant="vertical" withTableBorder data-testid="termination-facts">
      <Table.Tbody>
        <Fact label={t('termination.letterEnded')}>
          <Anchor component={Link} to={`/documents/${termination.letterId}`} size="sm">
            {ended ? `${t(kindKey(ended.kind))} ${ended.number ?? ''}`.trim() : '…'}
          </Anchor>
        </Fact>
        <Fact label={t('termination.missionEnd')}>
          {t('termination.missionEndValue', {
            date: formatDay(termination.endDate),
            next: formatDay(dayAfter(termination.endDate)),
          })}
        </Fact>
        <Fact label={t('termination.requestedBy')}>
          {t(termination.requestedBy === 'client' ? 'termination.byClient' : 'termination.byFirm')}
        </Fact>
        <Fact label={t('termination.reason')}>
          {termination.reason}
          {termination.reasonConfidential && (
            <Text size="xs" c="dimmed">
              {t('termination.confidential')}
            </Text>
          )}
        </Fact>
        <Fact label={t('termination.noticeGivenOn')}>{formatDay(termination.noticeGivenOn)}</Fact>
        <Fact label={t('termination.notice')}>
          {t(termination.noticeRespected ? 'termination.noticeRespected' : 'termination.noticeWaived', {
            date: formatDay(termination.earliestEndDate),
          })}
        </Fact>
      </Table.Tbody>
    </Table>
  );
};

/**
 * R-G1: a letter of termination has no lines: its page says what the letter says, from its
 * termination (the letter it ends, the end date, who ends it, the notice kept or waived, the
 * services that end), where the other kinds show their lines and totals.
 */
export const TerminationLetterSummary = ({ view }: { view: DocumentView }) => {
  const t = useT();
  const doc = view.document;
  const terminations = useTerminations(doc.engagementId);
  const termination = terminations.data?.find((item) => item.terminationDocumentId === doc.id);
  return (
    <Card withBorder component="section" aria-labelledby="summary-title">
      <Title order={3} size="h4" id="summary-title" mb="xs">
        {t('document.content')}
      </Title>
      {doc.cancelReason && <Text size="sm">{t('document.cancelReason', { reason: doc.cancelReason })}</Text>}
      {termination && (
        <>
          <TerminationFacts termination={termination} />
          <EndingServices termination={termination} />
        </>
      )}
    </Card>
  );
};
