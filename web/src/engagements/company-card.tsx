import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { EngagementView } from '../api/types.ts';
import { useCanWrite } from '../auth/session.tsx';
import { useT } from '../i18n/i18n.tsx';
import { CompanyEditButton } from './company-edit-button.tsx';
import { ContactAddButton } from './contact-add-button.tsx';

const fiscalYearEnd = (value: string) => value.split('-').reverse().join('/');

export const CompanyCard = ({ view }: { view: EngagementView }) => {
  const t = useT();
  const canWrite = useCanWrite();
  const { company, contacts, responsible } = view;
  const address = [
    company.addressLine1,
    company.addressLine2,
    [company.postalCode, company.city].filter(Boolean).join(' '),
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <Card withBorder component="section" aria-labelledby="company-title">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h4" id="company-title">
            {t('engagement.company')}
          </Title>
          {canWrite && <CompanyEditButton company={company} engagementId={view.engagement.id} />}
        </Group>
        <Text fw={600}>{company.name}</Text>
        <Text size="sm" data-testid="company-identity">
          {company.isIndividual
            ? t('client.individual')
            : [company.legalForm, company.siren && `SIREN ${company.siren}`].filter(Boolean).join(' · ') ||
              '—'}
        </Text>
        {address && <Text size="sm">{address}</Text>}
        {company.activity && <Text size="sm">{company.activity}</Text>}
        <Text size="sm">
          {t('common.labelValue', {
            label: t('company.fiscalYearEnd'),
            value: fiscalYearEnd(company.fiscalYearEnd),
          })}
        </Text>
        <Text size="sm">
          {t('common.labelValue', { label: t('engagements.responsible'), value: responsible.name })}
        </Text>
        <Group justify="space-between" mt="sm">
          <Title order={4} size="h5">
            {t('engagement.contacts')}
          </Title>
          {canWrite && <ContactAddButton engagement={view.engagement} />}
        </Group>
        {contacts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('engagement.noContacts')}
          </Text>
        ) : (
          <List spacing={4} size="sm" listStyleType="none">
            {contacts.map((contact) => (
              <List.Item key={contact.id}>
                <Group gap={6}>
                  <Text size="sm">
                    {[contact.civility, contact.firstName, contact.lastName].filter(Boolean).join(' ')}
                    {contact.capacity ? `, ${contact.capacity}` : ''}
                  </Text>
                  {contact.isSignatory && (
                    <Badge size="xs" variant="light">
                      {t('contact.signatory')}
                    </Badge>
                  )}
                </Group>
                {contact.email && (
                  <Text size="xs" c="dimmed">
                    {contact.email}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
};
