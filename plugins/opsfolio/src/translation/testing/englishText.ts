import { MockTranslationApi } from '@backstage/test-utils/alpha';
import { createFormat, type OpsfolioText } from '../format';
import { opsfolioTranslationRef } from '../opsfolioTranslationRef';

/** Opsfolio's English texts outside React, for tests of the helpers that build sentences. */
export function englishText(): OpsfolioText {
  const { t } = MockTranslationApi.create().getTranslation(opsfolioTranslationRef);
  return { t, format: createFormat('en', t) };
}
