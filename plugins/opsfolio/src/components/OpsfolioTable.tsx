import { Row, Table, type TableItem, type TableProps } from '@backstage/ui';

/** `data-*` attributes for a row: test ids and what the row is about (`data-entity`, `data-kind`). */
export type RowAttributes = { [name: `data-${string}`]: string | number | undefined };

/**
 * Backstage UI's table with the defaults every Opsfolio table shares: no pagination unless asked for, and rows that
 * carry `data-*` attributes (tests and scripts find rows by them).
 */
export function OpsfolioTable<T extends TableItem>(
  props: Omit<TableProps<T>, 'pagination' | 'rowConfig'> & {
    pagination?: TableProps<T>['pagination'];
    rowConfig?: TableProps<T>['rowConfig'];
    rowAttributes?: (item: T) => RowAttributes;
  }
) {
  const { rowAttributes, pagination = { type: 'none' }, ...rest } = props;
  const rowConfig: TableProps<T>['rowConfig'] = rowAttributes
    ? ({ item }) => (
        <Row id={item.id} columns={props.columnConfig} {...rowAttributes(item)}>
          {column => column.cell(item)}
        </Row>
      )
    : props.rowConfig;
  return <Table {...rest} pagination={pagination} rowConfig={rowConfig} />;
}
