import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { Recurrence, Service } from '../api/types.ts';
import { centsToInput, formatCents } from '../format.ts';
import type { MessageKey } from '../i18n/fr.ts';
import { type Translate, useT } from '../i18n/i18n.tsx';
import { type DraftLine, emptyLine, fromService, lineProblems, parsePrice } from './draft-lines.ts';
import { recurrenceKey } from './labels.ts';

const RECURRENCES: Recurrence[] = ['monthly', 'quarterly', 'yearly', 'one_off'];
const VAT_RATES = [2000, 1000, 550, 0];

type Props = {
  lines: DraftLine[];
  onChange: (lines: DraftLine[]) => void;
  services: Service[];
  /** Field messages of the API, by path: `lines.0.quantity`. */
  errors?: Record<string, string>;
  /** Work orders take one-off lines only (R-C4). */
  oneOffOnly?: boolean;
};

/**
 * The API's message for a line's field, in the editor's words: the API counts amounts in cents
 * (« Montant en centimes attendu »), the person types euros, so any refused price reads in euros.
 */
const serverMessage = (t: Translate, field: string, message: string | undefined) =>
  message && field === 'unitPriceCents' ? t('line.priceUnreadable') : message;

/** A catalogue service's price, domain and recurrence, as the picker details it. */
const serviceDetail = (t: Translate, service: Service) => ({
  price: `${formatCents(service.priceCents)}${service.unitLabel ? ` / ${service.unitLabel}` : ''}`,
  domain: t(`domain.${service.domain}` as MessageKey),
  recurrence: t(recurrenceKey(service.recurrence)),
});

/** A catalogue service as the picker offers it: its label and code, price, domain and recurrence. */
const serviceOption = (t: Translate, service: Service) =>
  t('line.pickerOption', { label: `${service.label} (${service.code})`, ...serviceDetail(t, service) });

/** The lines of a draft: catalogue services or free lines, every value editable and labelled. */
export const LinesEditor = ({ lines, onChange, services, errors = {}, oneOffOnly = false }: Props) => {
  const t = useT();
  // The picker empties after each pick, ready for the next one.
  const [search, setSearch] = useState('');
  /** The API's message for a field of a line (`''`: the line itself). */
  const lineError = (index: number, field: string) =>
    serverMessage(t, field, errors[field ? `lines.${index}.${field}` : `lines.${index}`]);
  const uncounted = lines.filter(
    (line) => Object.keys(lineProblems(line)).length > 0 || !line.price.trim(),
  ).length;
  const update = (index: number, patch: Partial<DraftLine>) =>
    onChange(lines.map((line, i) => (i === index ? { ...line, ...patch } : line)));
  const recurrences = oneOffOnly ? (['one_off'] as Recurrence[]) : RECURRENCES;
  const available = services.filter(
    (service) => !service.archivedAt && (!oneOffOnly || service.recurrence === 'one_off'),
  );
  return (
    <>
      {/* Fixed columns wide enough for « Trimestrielle » and « 12 500,50 € »: narrower, it scrolls. */}
      <Table.ScrollContainer minWidth={860}>
        <Table aria-label={t('line.table')} verticalSpacing={4} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('line.label')}</Table.Th>
              <Table.Th w={104}>{t('line.quantity')}</Table.Th>
              <Table.Th w={150}>{t('line.unitPrice')}</Table.Th>
              <Table.Th w={168}>{t('line.recurrence')}</Table.Th>
              <Table.Th w={112}>{t('line.vat')}</Table.Th>
              <Table.Th w={44} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, index) => {
              const n = index + 1;
              const problems = lineProblems(line);
              return (
                <Table.Tr key={line.key} data-testid="line-row">
                  <Table.Td>
                    <TextInput
                      aria-label={t('line.labelOf', { n })}
                      value={line.label}
                      onChange={(event) => update(index, { label: event.currentTarget.value })}
                      error={lineError(index, 'label') ?? lineError(index, '')}
                    />
                    <Textarea
                      aria-label={t('line.descriptionOf', { n })}
                      placeholder={t('line.descriptionPlaceholder')}
                      autosize
                      minRows={1}
                      maxRows={4}
                      size="xs"
                      mt={4}
                      value={line.description}
                      onChange={(event) => update(index, { description: event.currentTarget.value })}
                      error={lineError(index, 'description')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('line.quantityOf', { n })}
                      inputMode="decimal"
                      value={line.quantity}
                      onChange={(event) => update(index, { quantity: event.currentTarget.value })}
                      error={(problems.quantity && t(problems.quantity)) ?? lineError(index, 'quantity')}
                      rightSection={
                        line.unitLabel ? (
                          <Text size="xs" c="dimmed">
                            {line.unitLabel.slice(0, 4)}
                          </Text>
                        ) : null
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('line.unitPriceOf', { n })}
                      inputMode="decimal"
                      value={line.price}
                      onChange={(event) => update(index, { price: event.currentTarget.value })}
                      onBlur={() => {
                        // Read back the French way, thousands apart: « 1250,5 » becomes « 1 250,50 ».
                        const cents = parsePrice(line.price);
                        if (cents !== undefined && centsToInput(cents) !== line.price)
                          update(index, { price: centsToInput(cents) });
                      }}
                      error={(problems.price && t(problems.price)) ?? lineError(index, 'unitPriceCents')}
                      rightSection="€"
                      styles={{ input: { textAlign: 'right' } }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={t('line.recurrenceOf', { n })}
                      value={line.recurrence}
                      onChange={(event) =>
                        update(index, { recurrence: event.currentTarget.value as Recurrence })
                      }
                      data={recurrences.map((value) => ({ value, label: t(recurrenceKey(value)) }))}
                      error={lineError(index, 'recurrence')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={t('line.vatOf', { n })}
                      value={String(line.vatRateBp)}
                      onChange={(event) => update(index, { vatRateBp: Number(event.currentTarget.value) })}
                      data={VAT_RATES.map((rate) => ({
                        value: String(rate),
                        label: `${(rate / 100).toLocaleString('fr-FR')} %`,
                      }))}
                      error={lineError(index, 'vatRateBp')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('line.removeOf', { n })}
                      onClick={() => onChange(lines.filter((_, i) => i !== index))}
                    >
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {errors.lines && (
        <Text c="red" size="sm" role="alert">
          {errors.lines}
        </Text>
      )}
      {uncounted > 0 && (
        <Text c="dimmed" size="sm" mt="xs" data-testid="lines-uncounted">
          {t('line.notCounted', { count: uncounted })}
        </Text>
      )}
      <Group align="end">
        <Select
          label={t('line.addService')}
          placeholder={t('line.addServicePlaceholder')}
          searchable
          value={null}
          searchValue={search}
          onSearchChange={setSearch}
          onChange={(id) => {
            const service = available.find((candidate) => candidate.id === id);
            if (service) onChange([...lines, fromService(service)]);
            setSearch('');
          }}
          data={available.map((service) => ({ value: service.id, label: serviceOption(t, service) }))}
          renderOption={({ option }) => {
            const service = available.find((candidate) => candidate.id === option.value);
            if (!service) return option.label;
            const detail = serviceDetail(t, service);
            return (
              <Stack gap={0}>
                <Text size="sm">
                  {service.label} ({service.code})
                </Text>
                <Text size="xs" c="dimmed">
                  {detail.price} · {detail.domain} · {detail.recurrence}
                </Text>
              </Stack>
            );
          }}
          comboboxProps={{ width: 520, position: 'bottom-start' }}
          w={420}
          maw="100%"
        />
        <Button variant="default" onClick={() => onChange([...lines, emptyLine()])}>
          {t('line.addFree')}
        </Button>
      </Group>
    </>
  );
};
