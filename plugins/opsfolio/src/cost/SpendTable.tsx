import { Cell, type ColumnConfig } from '@backstage/ui';
import { useMemo, type ReactNode } from 'react';
import { columnHeader, NUMERIC } from '../components/tableHeaders';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { OpsfolioTable } from '../components/OpsfolioTable';

/** A line of a spend list: what (a name or a link) and its amount, formatted. */
export interface SpendLine {
  id: string;
  label: ReactNode;
  /** The label as text, for the table's type-to-find. */
  textValue: string;
  amount: string;
}

/**
 * A short list of spend, one line per cloud service or service with its amount on the right. Its column labels are
 * for screen readers only: the card's title already says what the lines are.
 */
export function SpendTable(props: { lines: SpendLine[]; nameLabel: string; rowTestId: string }) {
  const { t } = useOpsfolioText();
  const { nameLabel, rowTestId } = props;
  const columns = useMemo(
    (): ColumnConfig<SpendLine>[] => [
      {
        id: 'name',
        label: nameLabel,
        isRowHeader: true,
        header: columnHeader('name', nameLabel, { hidden: true, isRowHeader: true, width: '65%' }),
        cell: line => <Cell textValue={line.textValue}>{line.label}</Cell>,
      },
      {
        id: 'amount',
        label: t('cost.chart.spend'),
        header: columnHeader('amount', t('cost.chart.spend'), { hidden: true }),
        cell: line => <Cell style={NUMERIC}>{line.amount}</Cell>,
      },
    ],
    [nameLabel, t]
  );
  return (
    <OpsfolioTable columnConfig={columns} data={props.lines} rowAttributes={() => ({ 'data-testid': rowTestId })} />
  );
}
