import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en } from './en.ts';
import { fr, type MessageKey } from './fr.ts';
import { frenchSpaces } from './typography.ts';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { fr, en };
const STORAGE_KEY = 'lettrine.language';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;
type I18n = { language: Language; setLanguage: (language: Language) => void; t: Translate };

const I18nContext = createContext<I18n | null>(null);

const initialLanguage = (): Language => {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'fr';
};

/** French first; English when the user chose it (remembered in this browser). */
export const I18nProvider = ({
  children,
  language: forced,
}: {
  children: ReactNode;
  language?: Language;
}) => {
  const [language, setLanguageState] = useState<Language>(forced ?? initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);
  const t = useCallback<Translate>(
    (key, values) => {
      // A key made at run time (an event type the server added since) shows as itself, never crashes.
      const written: string = DICTIONARIES[language][key] ?? fr[key] ?? key;
      const template = language === 'fr' ? frenchSpaces(written) : written;
      return values
        ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''))
        : template;
    },
    [language],
  );
  const value = useMemo(() => ({ language, setLanguage, t }), [language, setLanguage, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
};

export const useI18n = (): I18n => {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
};

export const useT = (): Translate => useI18n().t;
