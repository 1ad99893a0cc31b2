import { Box, Text } from '@backstage/ui';
import type { CampaignRemainingCheck } from '@opsfolio/backstage-plugin-common';
import { CheckFix } from '../scorecards/CheckFix';
import { CheckStateChip } from '../scorecards/CheckStateChip';

/** The campaign checks an entity has left: each with its state and what makes it pass. */
export function RemainingChecks(props: { checks: CampaignRemainingCheck[] }) {
  return (
    <Box as="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {props.checks.map(check => (
        <li key={check.checkId} data-testid="opsfolio-campaign-remaining-check" data-check={check.checkId}>
          <Text as="span" weight="bold" style={{ marginRight: 'var(--bui-space-2)' }}>
            {check.title}
          </Text>
          <CheckStateChip state={check.state} />
          <CheckFix fix={check.fix} />
        </li>
      ))}
    </Box>
  );
}
