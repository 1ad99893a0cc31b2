import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useEntity, useEntityRefLink } from '@backstage/plugin-catalog-react';
import { NextLevelChecks } from './NextLevelChecks';
import { NoScorecardApplies } from './NoScorecardApplies';
import { blockingChecks } from './scorecardChecks';
import { ScorecardStanding } from './ScorecardStanding';
import { useEntityScorecards } from './useEntityScorecards';
import { Box, Text } from '@backstage/ui';
import { useOpsfolioText } from '../translation/useOpsfolioText';

/** The card's body: for each scorecard that applies, the level, progress and what to fix for the next level. */
export function ScorecardCardBody() {
  const { t, format } = useOpsfolioText();
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
          {i > 0 && <hr style={{ border: 0, borderTop: '1px solid var(--bui-border-1)', margin: '16px 0' }} />}
          <Text as="p" variant="body-large" weight="bold" style={{ marginBottom: 'var(--bui-space-2)' }}>
            {card.scorecard.title}
          </Text>
          <ScorecardStanding card={card} />
          {card.next && <NextLevelChecks rows={blockingChecks(card)} nextLevel={card.next.level.title} />}
          <Text as="p" variant="body-small" color="secondary" style={{ marginTop: 8 }}>
            {t('scorecards.card.evaluated', { age: format.age(card.evaluatedAt) })}
          </Text>
        </Box>
      ))}
      <Box mt="2">
        <Link to={`${entityLink(entity)}/scorecards`}>{t('scorecards.card.seeAllChecks')}</Link>
      </Box>
    </>
  );
}
