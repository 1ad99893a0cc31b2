import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { formatAge } from '../components/age';
import { CheckFix } from './CheckFix';
import { CheckStateChip } from './CheckStateChip';
import type { CheckRow } from './scorecardChecks';

// A card is a glance: the rest are one click away on the tab.
const SHOWN = 5;

/** The checks keeping the entity from its next level, each with its evidence and how to fix it. */
export function NextLevelChecks(props: { rows: CheckRow[]; nextLevel: string }) {
  if (props.rows.length === 0) return null;
  const hidden = props.rows.length - SHOWN;
  return (
    <Box marginTop={2}>
      <Typography variant="subtitle2">Keeping it from {props.nextLevel}</Typography>
      {props.rows.slice(0, SHOWN).map(({ check, result }) => (
        <Box key={check.id} marginTop={1} data-testid="opsfolio-blocking-check">
          <Box display="flex" alignItems="center" style={{ gap: 8 }}>
            <CheckStateChip state={result!.state} />
            <Typography variant="body1">{check.title}</Typography>
          </Box>
          <Typography variant="body2" color="textSecondary">
            {result!.reason}
            {result!.state === 'stale' && ` (data from ${formatAge(result!.observedAt)})`}
          </Typography>
          <CheckFix fix={check.fix} />
        </Box>
      ))}
      {hidden > 0 && (
        <Typography variant="body2" color="textSecondary">
          and {hidden} more
        </Typography>
      )}
    </Box>
  );
}
