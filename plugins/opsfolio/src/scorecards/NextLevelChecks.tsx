import { Box, Flex, Text } from '@backstage/ui';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { CheckFix } from './CheckFix';
import { CheckStateChip } from './CheckStateChip';
import type { CheckRow } from './scorecardChecks';

// A card is a glance: the rest are one click away on the tab.
const SHOWN = 5;

/** The checks keeping the entity from its next level, each with its evidence and how to fix it. */
export function NextLevelChecks(props: { rows: CheckRow[]; nextLevel: string }) {
  const { t, format } = useOpsfolioText();
  if (props.rows.length === 0) return null;
  const hidden = props.rows.length - SHOWN;
  return (
    <Box mt="4">
      <Text as="p" weight="bold">
        {t('scorecards.nextLevel.title', { level: props.nextLevel })}
      </Text>
      {props.rows.slice(0, SHOWN).map(({ check, result }) => (
        <Box key={check.id} mt="2" data-testid="opsfolio-blocking-check">
          <Flex align="center" gap="2">
            <CheckStateChip state={result!.state} />
            <Text variant="body-large">{check.title}</Text>
          </Flex>
          <Text as="p" color="secondary">
            {result!.state === 'stale'
              ? t('scorecards.nextLevel.staleReason', { reason: result!.reason, age: format.age(result!.observedAt) })
              : result!.reason}
          </Text>
          <CheckFix fix={check.fix} />
        </Box>
      ))}
      {hidden > 0 && (
        <Text as="p" color="secondary">
          {t('scorecards.nextLevel.more', { count: hidden })}
        </Text>
      )}
    </Box>
  );
}
