import { Cell, type ColumnConfig, type TableItem, Text } from '@backstage/ui';
import type { CostFigures, Money } from '@opsfolio/backstage-plugin-common';
import { formatChange } from './formatMoney';
import { columnHeader, NUMERIC } from '../components/tableHeaders';
import type { OpsfolioText } from '../translation/format';

/** What a row shows in the figure columns: `own` as secondary text under each amount. */
export interface RowFigures {
  figures: CostFigures;
  own?: CostFigures;
  bold?: boolean;
}

function Amount(props: { text: OpsfolioText; money: Money; own?: Money; bold?: boolean }) {
  const { t, format } = props.text;
  return (
    <Cell style={NUMERIC}>
      <span style={props.bold ? { fontWeight: 700 } : undefined}>{format.money(props.money)}</span>
      {props.own && (
        <Text as="p" variant="body-small" color="secondary">
          {t('cost.figures.own', { amount: format.money(props.own) })}
        </Text>
      )}
    </Cell>
  );
}

/**
 * The columns month to date, last month, forecast and the forecast's change on last month, for the rows
 * `figuresOf` gives figures (an empty cell for the others).
 */
export function costFigureColumns<T extends TableItem>(
  text: OpsfolioText,
  figuresOf: (item: T) => RowFigures | undefined
): ColumnConfig<T>[] {
  const { t, format } = text;
  const amount = (id: 'monthToDate' | 'lastMonth' | 'forecast'): ColumnConfig<T> => ({
    id,
    label: t(`cost.table.${id}`),
    header: columnHeader(id, t(`cost.table.${id}`), { numeric: true }),
    cell: item => {
      const row = figuresOf(item);
      if (!row) return <Cell />;
      return <Amount text={text} money={row.figures[id]} own={row.own?.[id]} bold={row.bold} />;
    },
  });
  return [
    amount('monthToDate'),
    amount('lastMonth'),
    amount('forecast'),
    {
      id: 'change',
      label: t('cost.table.change'),
      header: columnHeader('change', t('cost.table.change'), { numeric: true }),
      cell: item => {
        const row = figuresOf(item);
        return (
          <Cell style={NUMERIC}>
            {row && (formatChange(format, row.figures.forecast, row.figures.lastMonth) ?? '–')}
          </Cell>
        );
      },
    },
  ];
}
