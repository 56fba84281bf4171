import { Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../i18n/i18n.tsx';
import { VigilanceTab } from './vigilance-tab.tsx';

/**
 * The engagement page's two tabs: the engagement itself, and its LCB-FT file (loaded when opened);
 * `?onglet=vigilance` opens the second (the links of the reviews and matches lists).
 */
export const EngagementTabs = ({ engagementId, children }: { engagementId: string; children: ReactNode }) => {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const tab = search.get('onglet') === 'vigilance' ? 'vigilance' : 'engagement';
  return (
    <Tabs
      value={tab}
      keepMounted={false}
      onChange={(next) =>
        setSearch(
          (params) => {
            const copy = new URLSearchParams(params);
            if (next === 'vigilance') copy.set('onglet', 'vigilance');
            else copy.delete('onglet');
            return copy;
          },
          { replace: true },
        )
      }
    >
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
