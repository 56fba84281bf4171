import { Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n.tsx';
import { VigilanceTab } from './vigilance-tab.tsx';

/** The engagement page's two tabs: the engagement itself, and its LCB-FT file (loaded when opened). */
export const EngagementTabs = ({ engagementId, children }: { engagementId: string; children: ReactNode }) => {
  const t = useT();
  return (
    <Tabs defaultValue="engagement" keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="engagement">{t('vigilance.engagementTab')}</Tabs.Tab>
        <Tabs.Tab value="vigilance">{t('vigilance.tab')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="engagement">{children}</Tabs.Panel>
      <Tabs.Panel value="vigilance">
        <VigilanceTab engagementId={engagementId} />
      </Tabs.Panel>
    </Tabs>
  );
};
