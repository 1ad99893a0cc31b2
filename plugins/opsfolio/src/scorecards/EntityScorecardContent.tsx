import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import type { EntityScorecardResult } from '@opsfolio/backstage-plugin-common';
import { formatAge } from '../components/age';
import { HISTORY_DAYS, LevelHistory } from './LevelHistory';
import { NoScorecardApplies } from './NoScorecardApplies';
import { ScorecardChecksTable } from './ScorecardChecksTable';
import { ScorecardStanding } from './ScorecardStanding';
import { useEntityScorecards, useEvaluateEntityScorecards } from './useEntityScorecards';

/** The tab's header: when the results were evaluated, and "Evaluate now" with its progress and its error. */
function EvaluateNowHeader(props: { cards: EntityScorecardResult[]; running: boolean; error?: Error; onEvaluate: () => void }) {
  // The oldest evaluation: how stale the page can be.
  const evaluatedAt = props.cards.map(c => c.evaluatedAt).sort()[0];
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 16 }} data-testid="opsfolio-readiness-header">
      <Box flexGrow={1}>
        <Typography variant="h6" component="h2">
          Readiness
        </Typography>
        <Typography variant="body2" color="textSecondary" data-testid="opsfolio-readiness-evaluated" title={evaluatedAt}>
          Evaluated {formatAge(evaluatedAt)}
        </Typography>
      </Box>
      {props.error && (
        <Typography variant="body2" color="error" role="alert" data-testid="opsfolio-evaluate-error">
          Could not evaluate now: {props.error.message}
        </Typography>
      )}
      <Button
        variant="outlined"
        color="primary"
        disabled={props.running}
        aria-busy={props.running}
        onClick={props.onEvaluate}
        startIcon={props.running ? <CircularProgress size={16} color="inherit" /> : <RefreshIcon />}
      >
        {props.running ? 'Evaluating…' : 'Evaluate now'}
      </Button>
    </Box>
  );
}

function ReadinessTab() {
  const loaded = useEntityScorecards();
  const evaluation = useEvaluateEntityScorecards();
  if (loaded.loading) return <Progress />;
  if (loaded.error) return <ResponseErrorPanel error={loaded.error} />;
  // The newest answer wins: an evaluation done here replaces what the page loaded.
  const value = evaluation.value ?? loaded.value!;
  const applicable = value.scorecards.filter(s => s.applicable);
  if (applicable.length === 0) {
    return (
      <InfoCard title="Readiness">
        <NoScorecardApplies scorecards={value.scorecards} />
      </InfoCard>
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <EvaluateNowHeader
          cards={applicable}
          running={evaluation.running}
          error={evaluation.error}
          onEvaluate={evaluation.evaluate}
        />
      </Grid>
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
              <LevelHistory scorecard={card.scorecard} evaluatedAt={card.evaluatedAt} />
            </InfoCard>
          </Box>
        </Grid>
      ))}
    </Grid>
  );
}

/**
 * The readiness tab: for each scorecard that applies, every check with its evidence, and the level's history; "Evaluate
 * now" scores the entity again without waiting for the schedule.
 */
export function EntityScorecardContent() {
  const { entity } = useEntity();
  // One state per entity: an evaluation of the entity shown before must not stay on this one.
  return <ReadinessTab key={stringifyEntityRef(entity)} />;
}
