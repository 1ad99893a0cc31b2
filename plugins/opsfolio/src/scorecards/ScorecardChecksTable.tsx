import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { EntityScorecardResult, Exemption } from '@opsfolio/backstage-plugin-common';
import { Fragment } from 'react';
import { formatAge } from '../components/age';
import { CheckFix } from './CheckFix';
import { ToneChip } from '../components/ToneChip';
import { CheckStateChip } from './CheckStateChip';
import { countsAsPassing, STATE_SINCE } from './checkStates';
import { formatThreshold, formatValue } from './formatFact';
import { checksByLevel, type CheckRow } from './scorecardChecks';
import { Text } from '@backstage/ui';

const COLUMNS = ['Check', 'State', 'Value', 'Evidence', 'Data age', 'Since', 'Exemption'];

function ExemptionCell(props: { exemption?: Exemption }) {
  const e = props.exemption;
  if (!e) return null;
  return (
    <>
      <Text as="p">{e.reason}</Text>
      <Text variant="body-small" color="secondary">
        until {e.until}
        {e.approvedBy ? `, approved by ${e.approvedBy}` : ''}
      </Text>
      {e.expired && <ToneChip label="expired" tone="warn" style={{ marginLeft: 4 }} />}
    </>
  );
}

function CheckTableRow(props: { row: CheckRow }) {
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
      <TableCell>{result ? <CheckStateChip state={result.state} /> : 'no result'}</TableCell>
      <TableCell>
        <Text as="p">{formatValue(result?.value)}</Text>
        <Text variant="body-small" color="secondary">
          needs {formatThreshold(check)}
        </Text>
      </TableCell>
      <TableCell>{result?.reason}</TableCell>
      <TableCell title={result?.observedAt}>{result?.observedAt ? formatAge(result.observedAt) : '—'}</TableCell>
      <TableCell title={result?.since}>
        {result && `${STATE_SINCE[result.state]} since ${formatAge(result.since)}`}
      </TableCell>
      <TableCell>
        <ExemptionCell exemption={result?.exemption} />
      </TableCell>
    </TableRow>
  );
}

/** Every check of the scorecard under its level, lowest first, with its value, evidence, data age and exemption. */
export function ScorecardChecksTable(props: { card: EntityScorecardResult }) {
  return (
    <Table size="small" data-testid="opsfolio-checks-table">
      <TableHead>
        <TableRow>
          {COLUMNS.map(c => (
            <TableCell key={c}>{c}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {checksByLevel(props.card).map(({ level, rows }) => (
          <Fragment key={level.id}>
            <TableRow data-testid="opsfolio-level-row">
              <TableCell colSpan={COLUMNS.length}>
                <Text as="p" weight="bold">
                  {level.title}: {rows.filter(r => r.result && countsAsPassing(r.result.state)).length} of {rows.length}{' '}
                  checks count as passing
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
