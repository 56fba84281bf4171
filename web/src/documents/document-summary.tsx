import { Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { isLetterKind, kindPolicy } from '../../../src/domain/documents/kinds.ts';
import type { DocumentView } from '../api/types.ts';
import { formatCents, formatDay, formatDecimal, formatRate } from '../format.ts';
import type { MessageKey } from '../i18n/fr.ts';
import { useT } from '../i18n/i18n.tsx';
import { recurrenceKey } from './labels.ts';
import { TotalsPanel } from './totals-panel.tsx';

/** A document that is not edited here (sent, signed… or read by a `lecture` user): as it stands. */
export const DocumentSummary = ({ view }: { view: DocumentView }) => {
  const t = useT();
  const doc = view.document;
  const outside = new Set(view.outsideScopeLineIds);
  return (
    <Stack>
      <Card withBorder component="section" aria-labelledby="summary-title">
        <Title order={3} size="h4" id="summary-title" mb="xs">
          {t('document.content')}
        </Title>
        <Text size="sm">
          {t('common.labelValue', {
            label: t('document.effectiveDate'),
            value: formatDay(doc.effectiveDate),
          })}
          {kindPolicy(doc.kind).hasValidityDate &&
            ` · ${t('common.labelValue', { label: t('document.validUntil'), value: formatDay(doc.validUntil) })}`}
          {isLetterKind(doc.kind) &&
            ` · ${t('common.labelValue', { label: t('document.billingPeriod'), value: t(`billingPeriod.${doc.billingPeriod ?? 'monthly'}`) })}`}
        </Text>
        {doc.cancelReason && (
          <Text size="sm">{t('document.cancelReason', { reason: doc.cancelReason })}</Text>
        )}
        {doc.refusalReason && (
          <Text size="sm">{t('document.refusalReason', { reason: doc.refusalReason })}</Text>
        )}
        <Table.ScrollContainer minWidth={600} mt="sm">
          <Table aria-label={t('line.table')}>
            <Table.Thead>
              <Table.Tr>
                {kindPolicy(doc.kind).linesAreChanges && <Table.Th>{t('line.operation')}</Table.Th>}
                <Table.Th>{t('line.label')}</Table.Th>
                <Table.Th>{t('line.quantity')}</Table.Th>
                <Table.Th ta="right">{t('line.unitPrice')}</Table.Th>
                <Table.Th>{t('line.recurrence')}</Table.Th>
                <Table.Th>{t('line.vat')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {doc.lines.map((line) => (
                <Table.Tr key={line.id}>
                  {kindPolicy(doc.kind).linesAreChanges && (
                    <Table.Td>{t(`operation.${line.operation}` as MessageKey)}</Table.Td>
                  )}
                  <Table.Td>
                    {line.label}{' '}
                    {outside.has(line.id) && (
                      <Badge size="xs" color="orange" variant="light">
                        {t('line.outsideScope')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDecimal(line.quantity)}</Table.Td>
                  <Table.Td ta="right">{formatCents(line.unitPriceCents)}</Table.Td>
                  <Table.Td>{t(recurrenceKey(line.recurrence))}</Table.Td>
                  <Table.Td>{formatRate(line.vatRateBp)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <TotalsPanel totals={doc.totals} />
    </Stack>
  );
};
