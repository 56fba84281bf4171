import { SegmentedControl } from '@mantine/core';
import { type Language, useI18n } from '../i18n/i18n.tsx';

export const LanguageSwitch = () => {
  const { language, setLanguage, t } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('shell.language')}
      value={language}
      onChange={(value) => setLanguage(value as Language)}
      data={[
        { value: 'fr', label: 'Français' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
};
