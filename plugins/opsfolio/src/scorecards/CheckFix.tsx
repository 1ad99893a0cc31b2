import { Link } from '@backstage/core-components';
import { Text } from '@backstage/ui';
import type { ScorecardCheck } from '@opsfolio/backstage-plugin-common';
import { useOpsfolioText } from '../translation/useOpsfolioText';

/** What to do to pass the check, with the page that explains it. */
export function CheckFix(props: { fix: ScorecardCheck['fix'] }) {
  const { t } = useOpsfolioText();
  return (
    <Text as="p" data-testid="opsfolio-check-fix">
      {t('scorecards.fix.text', { fix: props.fix.text })}
      {props.fix.url && (
        <>
          {' '}
          <Link to={props.fix.url} underline="always">
            {t('scorecards.fix.link')}
          </Link>
        </>
      )}
    </Text>
  );
}
