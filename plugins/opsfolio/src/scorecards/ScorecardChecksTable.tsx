import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { EntityScorecardResult, Exemption } from '@opsfolio/backstage-plugin-common';
import { Fragment } from 'react';
import { CheckFix } from './CheckFix';
import { ToneChip } from '../components/ToneChip';
import { CheckStateChip } from './CheckStateChip';
import { countsAsPassing, stateSince } from './checkStates';
import { formatThreshold, formatValue } from './formatFact';
import { checksByLevel, type CheckRow } from './scorecardChecks';
import { Text } from '@backstage/ui';
import { useOpsfolioText } from '../translation/useOpsfolioText';

const COLUMNS = ['check', 'state', 'value', 'evidence', 'dataAge', 'since', 'exemption'] as const;

function ExemptionCell(props: { exemption?: Exemption }) {
  const { t } = useOpsfolioText();
  const e = props.exemption;
  if (!e) return null;
  return (
    <>
      <Text as="p">{e.reason}</Text>
      <Text variant="body-small" color="secondary">
        {e.approvedBy
          ? t('scorecards.table.exemptUntilApproved', { until: e.until, approver: e.approvedBy })
          : t('scorecards.table.exemptUntil', { until: e.until })}
      </Text>
      {e.expired && <ToneChip label={t('scorecards.table.exemptionExpired')} tone="warn" style={{ marginLeft: 4 }} />}
    </>
  );
}

function CheckTableRow(props: { row: CheckRow }) {
  const text = useOpsfolioText();
  const { t, format } = text;
  const { check, result } = props.row;
  return (
    <TableRow data-testid="opsfolio-check-row" data-check={check.id}>
      <TableCell>
        <Text as="p">
          <strong>{check.title}</strong>
        </Text>
        <Text variant="body-small" color="secondary">
          {check.description}
        </Text>
        {result && !countsAsPassing(result.state) && <CheckFix fix={check.fix} />}
      </TableCell>
      <TableCell>{result ? <CheckStateChip state={result.state} /> : t('scorecards.table.noResult')}</TableCell>
      <TableCell>
        <Text as="p">{formatValue(text, result?.value)}</Text>
        <Text variant="body-small" color="secondary">
          {t('scorecards.table.needs', { threshold: formatThreshold(text, check) })}
        </Text>
      </TableCell>
      <TableCell>{result?.reason}</TableCell>
      <TableCell title={result?.observedAt}>{result?.observedAt ? format.age(result.observedAt) : '—'}</TableCell>
      <TableCell title={result?.since}>{result && stateSince(text, result.state, result.since)}</TableCell>
      <TableCell>
        <ExemptionCell exemption={result?.exemption} />
      </TableCell>
    </TableRow>
  );
}

/** Every check of the scorecard under its level, lowest first, with its value, evidence, data age and exemption. */
export function ScorecardChecksTable(props: { card: EntityScorecardResult }) {
  const { t } = useOpsfolioText();
  return (
    <Table size="small" data-testid="opsfolio-checks-table">
      <TableHead>
        <TableRow>
          {COLUMNS.map(c => (
            <TableCell key={c}>{t(`scorecards.table.column.${c}`)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {checksByLevel(props.card).map(({ level, rows }) => (
          <Fragment key={level.id}>
            <TableRow data-testid="opsfolio-level-row">
              <TableCell colSpan={COLUMNS.length}>
                <Text as="p" weight="bold">
                  {t('scorecards.table.levelSummary', {
                    level: level.title,
                    passing: rows.filter(r => r.result && countsAsPassing(r.result.state)).length,
                    count: rows.length,
                  })}
                </Text>
              </TableCell>
            </TableRow>
            {rows.map(row => (
              <CheckTableRow key={row.check.id} row={row} />
            ))}
          </Fragment>
        ))}
      </TableBody>
    </Table>
  );
}
