import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { ScorecardOverviewResponse } from '@opsfolio/backstage-plugin-common';
import { levelTitle } from './levelColors';
import { Box, Flex, Text } from '@backstage/ui';
import { ProgressBar } from '../../components/ProgressBar';
import { useOpsfolioText } from '../../translation/useOpsfolioText';

type Check = ScorecardOverviewResponse['checks'][number];

/** A bar and a percentage; no rate (every entity not applicable) is a dash, not 0%. */
function PassRate(props: { rate: number | null }) {
  const { t, format } = useOpsfolioText();
  if (props.rate === null) return <Text as="p">—</Text>;
  const pct = Math.round(props.rate * 100);
  return (
    <Flex align="center" gap="0">
      <Box mr="2" grow={1} minWidth="80px">
        <ProgressBar value={pct} label={t('readinessPage.checks.passRate')} />
      </Box>
      <Text as="p" style={{ minWidth: 40, textAlign: 'right' }}>
        {/* The rounded percentage, so the text matches the bar. */}
        {format.percent(pct / 100, 0)}
      </Text>
    </Flex>
  );
}

// The states that keep a level from being reached, plus exemptions (passing, but worth watching).
const COUNTED = [
  { state: 'fail', label: 'readinessPage.checks.failing' },
  { state: 'not-reported', label: 'readinessPage.checks.notReported' },
  { state: 'stale', label: 'readinessPage.checks.stale' },
  { state: 'exempt', label: 'readinessPage.checks.exempt' },
] as const;

/** How often each check passes across the filtered entities, with what keeps the rest from passing. */
export function CheckPassRates(props: { overview: ScorecardOverviewResponse }) {
  const { scorecard, checks } = props.overview;
  const { t } = useOpsfolioText();
  return (
    <Table size="small" data-testid="opsfolio-scorecards-checks">
      <TableHead>
        <TableRow>
          <TableCell>{t('readinessPage.checks.check')}</TableCell>
          <TableCell>{t('readinessPage.checks.level')}</TableCell>
          <TableCell style={{ width: '30%' }}>{t('readinessPage.checks.passRate')}</TableCell>
          {COUNTED.map(c => (
            <TableCell key={c.state} align="right" style={{ whiteSpace: 'nowrap' }}>
              {t(c.label)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {checks.map((check: Check) => (
          <TableRow key={check.checkId} data-testid="opsfolio-scorecards-check" data-check={check.checkId}>
            <TableCell>{check.title}</TableCell>
            <TableCell style={{ whiteSpace: 'nowrap' }}>{levelTitle(t, scorecard.levels, check.level)}</TableCell>
            <TableCell>
              <PassRate rate={check.passRate} />
            </TableCell>
            {COUNTED.map(c => (
              <TableCell key={c.state} align="right">
                {check.counts[c.state] ?? 0}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
