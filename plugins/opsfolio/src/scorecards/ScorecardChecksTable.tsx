import { Cell, type ColumnConfig, Row, Table, Text } from '@backstage/ui';
import type { EntityScorecardResult, Exemption, ScorecardLevel } from '@opsfolio/backstage-plugin-common';
import { type ReactElement, useMemo } from 'react';
import { CheckFix } from './CheckFix';
import { ToneChip } from '../components/ToneChip';
import { CheckStateChip } from './CheckStateChip';
import { countsAsPassing, stateSince } from './checkStates';
import { formatThreshold, formatValue } from './formatFact';
import { checksByLevel, type CheckRow } from './scorecardChecks';
import { useOpsfolioText } from '../translation/useOpsfolioText';

type Column = 'check' | 'state' | 'value' | 'evidence' | 'dataAge' | 'since' | 'exemption';

/** A level's heading row (one cell across the table) or one check under it. */
type Item =
  | { id: string; kind: 'level'; level: ScorecardLevel; passing: number; count: number }
  | { id: string; kind: 'check'; row: CheckRow };

/** A column's cell for a check row; level rows render their own single cell. */
const forCheck =
  (render: (row: CheckRow) => ReactElement) =>
  (item: Item): ReactElement =>
    item.kind === 'check' ? render(item.row) : <Cell />;

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

function CheckCell(props: { row: CheckRow }) {
  const { check, result } = props.row;
  return (
    <>
      <Text as="p">
        <strong>{check.title}</strong>
      </Text>
      <Text variant="body-small" color="secondary">
        {check.description}
      </Text>
      {result && !countsAsPassing(result.state) && <CheckFix fix={check.fix} />}
    </>
  );
}

function ValueCell(props: { row: CheckRow }) {
  const text = useOpsfolioText();
  const { check, result } = props.row;
  return (
    <>
      <Text as="p">{formatValue(text, result?.value)}</Text>
      <Text variant="body-small" color="secondary">
        {text.t('scorecards.table.needs', { threshold: formatThreshold(text, check) })}
      </Text>
    </>
  );
}

/** Every check of the scorecard under its level, lowest first, with its value, evidence, data age and exemption. */
export function ScorecardChecksTable(props: { card: EntityScorecardResult }) {
  const text = useOpsfolioText();
  const { t, format } = text;
  const items = useMemo(
    (): Item[] =>
      checksByLevel(props.card).flatMap(({ level, rows }) => [
        {
          id: `level:${level.id}`,
          kind: 'level' as const,
          level,
          passing: rows.filter(r => r.result && countsAsPassing(r.result.state)).length,
          count: rows.length,
        },
        ...rows.map(row => ({ id: `check:${row.check.id}`, kind: 'check' as const, row })),
      ]),
    [props.card]
  );
  const columns = useMemo((): ColumnConfig<Item>[] => {
    const label = (c: Column) => t(`scorecards.table.column.${c}`);
    return [
      {
        id: 'check',
        label: label('check'),
        isRowHeader: true,
        // The title, what the check asks and how to fix it: the widest column.
        defaultWidth: '2fr',
        cell: forCheck(row => (
          <Cell textValue={row.check.title}>
            <CheckCell row={row} />
          </Cell>
        )),
      },
      {
        id: 'state',
        label: label('state'),
        cell: forCheck(({ result }) => (
          <Cell>{result ? <CheckStateChip state={result.state} /> : t('scorecards.table.noResult')}</Cell>
        )),
      },
      {
        id: 'value',
        label: label('value'),
        cell: forCheck(row => (
          <Cell>
            <ValueCell row={row} />
          </Cell>
        )),
      },
      { id: 'evidence', label: label('evidence'), cell: forCheck(({ result }) => <Cell>{result?.reason}</Cell>) },
      {
        id: 'dataAge',
        label: label('dataAge'),
        cell: forCheck(({ result }) => (
          <Cell>
            <span title={result?.observedAt}>{result?.observedAt ? format.age(result.observedAt) : '—'}</span>
          </Cell>
        )),
      },
      {
        id: 'since',
        label: label('since'),
        cell: forCheck(({ result }) => (
          <Cell>
            <span title={result?.since}>{result && stateSince(text, result.state, result.since)}</span>
          </Cell>
        )),
      },
      {
        id: 'exemption',
        label: label('exemption'),
        cell: forCheck(({ result }) => (
          <Cell>
            <ExemptionCell exemption={result?.exemption} />
          </Cell>
        )),
      },
    ];
  }, [t, format, text]);

  return (
    <div data-testid="opsfolio-checks-table">
      <Table
        columnConfig={columns}
        data={items}
        pagination={{ type: 'none' }}
        rowConfig={({ item }) =>
          item.kind === 'level' ? (
            <Row id={item.id} data-testid="opsfolio-level-row">
              <Cell colSpan={columns.length} textValue={item.level.title}>
                <Text as="p" weight="bold">
                  {t('scorecards.table.levelSummary', {
                    level: item.level.title,
                    passing: item.passing,
                    count: item.count,
                  })}
                </Text>
              </Cell>
            </Row>
          ) : (
            <Row id={item.id} columns={columns} data-testid="opsfolio-check-row" data-check={item.row.check.id}>
              {column => column.cell(item)}
            </Row>
          )
        }
      />
    </div>
  );
}
