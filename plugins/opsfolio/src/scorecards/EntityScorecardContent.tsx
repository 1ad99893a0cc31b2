import { InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { HISTORY_DAYS, LevelHistory } from './LevelHistory';
import { NoScorecardApplies } from './NoScorecardApplies';
import { ScorecardChecksTable } from './ScorecardChecksTable';
import { ScorecardStanding } from './ScorecardStanding';
import { useEntityScorecards } from './useEntityScorecards';

/** The readiness tab: for each scorecard that applies, every check with its evidence, and the level's history. @public */
export function EntityScorecardContent() {
  const { value, loading, error } = useEntityScorecards();
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const applicable = value!.scorecards.filter(s => s.applicable);
  if (applicable.length === 0) {
    return (
      <InfoCard title="Readiness">
        <NoScorecardApplies scorecards={value!.scorecards} />
      </InfoCard>
    );
  }
  return (
    <Grid container spacing={3}>
      {applicable.map(card => (
        <Grid item xs={12} key={card.scorecard.id}>
          <InfoCard title={card.scorecard.title} subheader={card.scorecard.description}>
            <ScorecardStanding card={card} />
            <Box marginTop={2}>
              <ScorecardChecksTable card={card} />
            </Box>
          </InfoCard>
          <Box marginTop={3}>
            <InfoCard title={`${card.scorecard.title}: level over the last ${HISTORY_DAYS} days`}>
              <LevelHistory scorecard={card.scorecard} />
            </InfoCard>
          </Box>
        </Grid>
      ))}
    </Grid>
  );
}
