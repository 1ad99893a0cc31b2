import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useEntity, useEntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import { formatAge } from '../components/age';
import { NextLevelChecks } from './NextLevelChecks';
import { NoScorecardApplies } from './NoScorecardApplies';
import { blockingChecks } from './scorecardChecks';
import { ScorecardStanding } from './ScorecardStanding';
import { useEntityScorecards } from './useEntityScorecards';

/** The card's body: for each scorecard that applies, the level, progress and what to fix for the next level. */
export function ScorecardCardBody() {
  const { entity } = useEntity();
  // The entity route works in both frontend systems, unlike the legacy tab's own route ref.
  const entityLink = useEntityRefLink();
  const { value, loading, error } = useEntityScorecards();
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const applicable = value!.scorecards.filter(s => s.applicable);
  if (applicable.length === 0) return <NoScorecardApplies scorecards={value!.scorecards} />;
  return (
    <>
      {applicable.map((card, i) => (
        <Box key={card.scorecard.id} data-testid="opsfolio-scorecard">
          {i > 0 && <Divider style={{ margin: '16px 0' }} />}
          <Typography variant="subtitle1" gutterBottom>
            {card.scorecard.title}
          </Typography>
          <ScorecardStanding card={card} />
          {card.next && <NextLevelChecks rows={blockingChecks(card)} nextLevel={card.next.level.title} />}
          <Typography variant="caption" color="textSecondary" component="p" style={{ marginTop: 8 }}>
            Evaluated {formatAge(card.evaluatedAt)}
          </Typography>
        </Box>
      ))}
      <Box marginTop={1}>
        <Link to={`${entityLink(entity)}/scorecards`}>See all checks</Link>
      </Box>
    </>
  );
}
