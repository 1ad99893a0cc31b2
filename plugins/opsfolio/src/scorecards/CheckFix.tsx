import { Link } from '@backstage/core-components';
import { Text } from '@backstage/ui';
import type { ScorecardCheck } from '@opsfolio/backstage-plugin-common';

/** What to do to pass the check, with the page that explains it. */
export function CheckFix(props: { fix: ScorecardCheck['fix'] }) {
  return (
    <Text as="p" data-testid="opsfolio-check-fix">
      Fix: {props.fix.text}
      {props.fix.url && (
        <>
          {' '}
          <Link to={props.fix.url} underline="always">
            How to fix
          </Link>
        </>
      )}
    </Text>
  );
}
