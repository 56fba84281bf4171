import { Group, NativeSelect, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { User } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';

export type SigningPatch = Partial<Pick<User, 'formOfAddress' | 'signatoryCapacity'>>;

/**
 * How a user signs for the firm (issue 14, item 7): Madame or Monsieur, which agrees the capacity
 * (« Experte-comptable associée »), and a capacity of their own, saved when the field is left.
 * An associé edits anyone's; every user edits their own.
 */
export const SignatoryCell = ({
  user,
  editable,
  onSave,
}: {
  user: User;
  editable: boolean;
  onSave: (patch: SigningPatch) => void;
}) => {
  const t = useT();
  const [capacity, setCapacity] = useState(user.signatoryCapacity ?? '');
  if (!editable) return <>{user.capacity}</>;
  return (
    <Group gap="xs" wrap="nowrap">
      <NativeSelect
        aria-label={t('users.formOfAddressOf', { name: user.name })}
        value={user.formOfAddress ?? ''}
        onChange={(event) =>
          onSave({ formOfAddress: (event.currentTarget.value || null) as User['formOfAddress'] })
        }
        data={[
          { value: '', label: '—' },
          { value: 'madame', label: t('users.madame') },
          { value: 'monsieur', label: t('users.monsieur') },
        ]}
      />
      <TextInput
        aria-label={t('users.capacityOf', { name: user.name })}
        placeholder={user.capacity}
        value={capacity}
        onChange={(event) => setCapacity(event.currentTarget.value)}
        onBlur={() => {
          if (capacity.trim() !== (user.signatoryCapacity ?? ''))
            onSave({ signatoryCapacity: capacity.trim() });
        }}
      />
    </Group>
  );
};
