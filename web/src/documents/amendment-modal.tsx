import { Alert, Button, Checkbox, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, fieldErrors } from '../api/client.ts';
import { useDocument, useServices } from '../api/queries.ts';
import type { CreateDocumentBody, DocumentLine, LettrineDocument } from '../api/types.ts';
import { centsToInput, formatCents, parseEuros } from '../format.ts';
import { useT } from '../i18n/i18n.tsx';
import { type DraftLine, parseQuantity, toLineInput } from './draft-lines.ts';
import { LinesEditor } from './lines-editor.tsx';

type Change = NonNullable<CreateDocumentBody['changes']>[number];
type Edit = { quantity: string; price: string; removed: boolean };
type Props = { engagementId: string; letterId: string; onClose: () => void };

const changesOf = (lines: DocumentLine[], edits: Record<string, Edit>, added: DraftLine[]): Change[] => [
  ...lines.flatMap((line): Change[] => {
    const edit = edits[line.id];
    if (!edit) return [];
    if (edit.removed) return [{ op: 'remove' as const, targetLineId: line.id }];
    const quantity = parseQuantity(edit.quantity) ?? edit.quantity;
    const price = parseEuros(edit.price);
    const change = {
      ...(quantity !== line.quantity ? { quantity } : {}),
      ...(price !== line.unitPriceCents
        ? { unitPriceCents: price ?? (edit.price as unknown as number) }
        : {}),
    };
    return Object.keys(change).length ? [{ op: 'modify' as const, targetLineId: line.id, ...change }] : [];
  }),
  ...added.map((line) => ({ op: 'add' as const, line: toLineInput(line) })),
];

/** R-C2: an amendment adds, modifies or removes recurring lines of one letter, from a date. */
export const AmendmentModal = ({ engagementId, letterId, onClose }: Props) => {
  const t = useT();
  const letter = useDocument(letterId);
  const services = useServices();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [effectiveDate, setEffectiveDate] = useState<string | null>(null);
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [added, setAdded] = useState<DraftLine[]>([]);
  const lines = (letter.data?.document.lines ?? []).filter((line) => line.recurrence !== 'one_off');
  const create = useMutation({
    mutationFn: () =>
      api<LettrineDocument>('/documents', {
        idempotent: true,
        body: {
          kind: 'amendment',
          engagementId,
          amendsLetterId: letterId,
          effectiveDate,
          changes: changesOf(lines, edits, added),
        } as CreateDocumentBody,
      }),
    onSuccess: async (doc) => {
      await client.invalidateQueries({ queryKey: ['documents'] });
      onClose();
      navigate(`/documents/${doc.id}`);
    },
  });
  const errors = fieldErrors(create.error);
  const edit = (line: DocumentLine) =>
    edits[line.id] ?? {
      quantity: line.quantity.replace('.', ','),
      price: centsToInput(line.unitPriceCents),
      removed: false,
    };
  const set = (line: DocumentLine, patch: Partial<Edit>) =>
    setEdits({ ...edits, [line.id]: { ...edit(line), ...patch } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('amendment.new', { number: letter.data?.document.number ?? '' })}
      size="xl"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {create.error && (
            <Alert color="red" role="alert">
              {create.error.message}
            </Alert>
          )}
          <DateInput
            label={t('document.effectiveDate')}
            valueFormat="DD/MM/YYYY"
            value={effectiveDate}
            onChange={(value) => setEffectiveDate(value ? String(value).slice(0, 10) : null)}
            error={errors.effectiveDate}
            w={200}
            data-autofocus
          />
          <Text size="sm" fw={500}>
            {t('amendment.letterLines')}
          </Text>
          <Table aria-label={t('amendment.letterLines')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('line.label')}</Table.Th>
                <Table.Th w={110}>{t('line.quantity')}</Table.Th>
                <Table.Th w={140}>{t('line.unitPrice')}</Table.Th>
                <Table.Th w={110}>{t('amendment.remove')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line) => (
                <Table.Tr key={line.id}>
                  <Table.Td>
                    {line.label}
                    <Text size="xs" c="dimmed">
                      {formatCents(line.unitPriceCents)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('line.quantityOf', { n: line.label })}
                      value={edit(line).quantity}
                      disabled={edit(line).removed}
                      onChange={(event) => set(line, { quantity: event.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('line.unitPriceOf', { n: line.label })}
                      value={edit(line).price}
                      disabled={edit(line).removed}
                      onChange={(event) => set(line, { price: event.currentTarget.value })}
                      rightSection="€"
                    />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('amendment.removeOf', { label: line.label })}
                      checked={edit(line).removed}
                      onChange={(event) => set(line, { removed: event.currentTarget.checked })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" fw={500}>
            {t('amendment.added')}
          </Text>
          <LinesEditor lines={added} onChange={setAdded} services={services.data ?? []} errors={errors} />
          {errors.changes && (
            <Text c="red" size="sm">
              {errors.changes}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('amendment.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};
