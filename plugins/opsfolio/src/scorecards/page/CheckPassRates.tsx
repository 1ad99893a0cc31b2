import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { ScorecardOverviewResponse } from '@opsfolio/backstage-plugin-common';
import { levelTitle } from './levelColors';
import { Box, Flex, Text } from '@backstage/ui';
import { ProgressBar } from '../../components/ProgressBar';

type Check = ScorecardOverviewResponse['checks'][number];

/** A bar and a percentage; no rate (every entity not applicable) is a dash, not 0%. */
function PassRate(props: { rate: number | null }) {
  if (props.rate === null) return <Text as="p">—</Text>;
  const pct = Math.round(props.rate * 100);
  return (
    <Flex align="center" gap="0">
      <Box mr="2" grow={1} minWidth="80px">
        <ProgressBar value={pct} label="Pass rate" />
      </Box>
      <Text as="p" style={{ minWidth: 40, textAlign: 'right' }}>
        {pct}%
      </Text>
    </Flex>
  );
}

// The states that keep a level from being reached, plus exemptions (passing, but worth watching).
const COUNTED = [
  { state: 'fail', label: 'Failing' },
  { state: 'not-reported', label: 'Not reported' },
  { state: 'stale', label: 'Stale' },
  { state: 'exempt', label: 'Exempt' },
] as const;

/** How often each check passes across the filtered entities, with what keeps the rest from passing. */
export function CheckPassRates(props: { overview: ScorecardOverviewResponse }) {
  const { scorecard, checks } = props.overview;
  return (
    <Table size="small" data-testid="opsfolio-scorecards-checks">
      <TableHead>
        <TableRow>
          <TableCell>Check</TableCell>
          <TableCell>Level</TableCell>
          <TableCell style={{ width: '30%' }}>Pass rate</TableCell>
          {COUNTED.map(c => (
            <TableCell key={c.state} align="right" style={{ whiteSpace: 'nowrap' }}>
              {c.label}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {checks.map((check: Check) => (
          <TableRow key={check.checkId} data-testid="opsfolio-scorecards-check" data-check={check.checkId}>
            <TableCell>{check.title}</TableCell>
            <TableCell style={{ whiteSpace: 'nowrap' }}>{levelTitle(scorecard.levels, check.level)}</TableCell>
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
