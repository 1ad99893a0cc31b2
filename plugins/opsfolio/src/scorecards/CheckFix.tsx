import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { ScorecardCheck } from '@opsfolio/backstage-plugin-common';

/** What to do to pass the check, with the page that explains it. */
export function CheckFix(props: { fix: ScorecardCheck['fix'] }) {
  return (
    <Typography variant="body2" data-testid="opsfolio-check-fix">
      Fix: {props.fix.text}
      {props.fix.url && (
        <>
          {' '}
          <Link to={props.fix.url}>How to fix</Link>
        </>
      )}
    </Typography>
  );
}
