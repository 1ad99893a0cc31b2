import { Box, Cell, type ColumnConfig, Flex, Text } from '@backstage/ui';
import type { ScorecardOverviewResponse } from '@opsfolio/backstage-plugin-common';
import { useMemo } from 'react';
import { levelTitle } from './levelColors';
import { ProgressBar } from '../../components/ProgressBar';
import { useOpsfolioText } from '../../translation/useOpsfolioText';
import { OpsfolioTable } from '../../components/OpsfolioTable';

type CheckRow = ScorecardOverviewResponse['checks'][number] & { id: string };

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
  const rows = useMemo(() => checks.map(c => ({ ...c, id: c.checkId })), [checks]);
  const columns = useMemo(
    (): ColumnConfig<CheckRow>[] => [
      {
        id: 'check',
        label: t('readinessPage.checks.check'),
        isRowHeader: true,
        cell: check => <Cell>{check.title}</Cell>,
      },
      {
        id: 'level',
        label: t('readinessPage.checks.level'),
        cell: check => <Cell>{levelTitle(t, scorecard.levels, check.level)}</Cell>,
      },
      {
        id: 'passRate',
        label: t('readinessPage.checks.passRate'),
        // Room for the bar.
        defaultWidth: '2fr',
        cell: check => (
          <Cell>
            <PassRate rate={check.passRate} />
          </Cell>
        ),
      },
      ...COUNTED.map(
        (c): ColumnConfig<CheckRow> => ({
          id: c.state,
          label: t(c.label),
          cell: check => <Cell>{check.counts[c.state] ?? 0}</Cell>,
        })
      ),
    ],
    [scorecard.levels, t]
  );
  return (
    <div data-testid="opsfolio-scorecards-checks">
      <OpsfolioTable
        columnConfig={columns}
        data={rows}
        rowAttributes={item => ({ 'data-testid': 'opsfolio-scorecards-check', 'data-check': item.checkId })}
      />
    </div>
  );
}
