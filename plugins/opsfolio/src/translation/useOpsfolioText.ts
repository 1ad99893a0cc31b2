import { useApiHolder } from '@backstage/core-plugin-api';
import { appLanguageApiRef, useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEffect, useMemo, useState } from 'react';
import { createFormat, type OpsfolioText } from './format';
import { opsfolioTranslationRef } from './opsfolioTranslationRef';

/** The app's selected language; English where the app has no language API (old apps, bare test wrappers). */
function useAppLanguage(): string {
  const languageApi = useApiHolder().get(appLanguageApiRef);
  const [language, setLanguage] = useState(() => languageApi?.getLanguage().language ?? 'en');
  useEffect(() => {
    if (!languageApi) return undefined;
    const subscription = languageApi.language$().subscribe(next => setLanguage(next.language));
    return () => subscription.unsubscribe();
  }, [languageApi]);
  return language;
}

/** Opsfolio's texts and formats in the app's language: `const { t, format } = useOpsfolioText()`. */
export function useOpsfolioText(): OpsfolioText {
  const { t } = useTranslationRef(opsfolioTranslationRef);
  const language = useAppLanguage();
  const format = useMemo(() => createFormat(language, t), [language, t]);
  return useMemo(() => ({ t, format }), [t, format]);
}
