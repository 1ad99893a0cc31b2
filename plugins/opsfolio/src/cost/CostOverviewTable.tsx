import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ButtonIcon, Cell, type ColumnConfig, Flex, Row, Table, Text } from '@backstage/ui';
import type { CostOverviewResponse } from '@opsfolio/backstage-plugin-common';
import { RiArrowDownSLine, RiArrowRightSLine } from '@remixicon/react';
import { useCallback, useMemo, useState } from 'react';
import { type DrillDown, DrillDownHead, drillDownServices, useCostDrillDowns } from './CostDrillDown';
import { costFigureColumns, type RowFigures } from './CostFigureCells';
import { sameFigures } from './costMoney';
import { costTree, type CostTreeRow } from './costTree';
import { columnHeader, NUMERIC } from '../components/tableHeaders';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { KeepFocus } from '../components/KeepFocus';

type GroupBy = CostOverviewResponse['groupBy'];
type Service = ReturnType<typeof drillDownServices>[number];
const UNMAPPED_SHOWN = 10;
/** A level of the tree moves a name this far right. */
const INDENT = 24;
/** BUI's small icon button, the expander, and the gap after it: where a name starts. */
const EXPANDER = 32;
const NAME_START = EXPANDER + 4;

/**
 * The table's rows: each owner, system or domain, and under an opened one a line on what its services' amounts are
 * and one row per service; then unmapped, untagged and the organisation.
 */
type Item =
  | { id: string; kind: 'key'; tree: CostTreeRow; open: boolean }
  | { id: string; kind: 'drillDownHead'; depth: number; drillDown: DrillDown }
  | { id: string; kind: 'service'; depth: number; service: Service }
  | { id: string; kind: 'unmapped' | 'untagged' | 'organisation' };

function KeyCell(props: { tree: CostTreeRow; open: boolean; groupBy: GroupBy; onToggle: (key: string) => void }) {
  const { row, depth, hasChildren } = props.tree;
  const { open, onToggle } = props;
  const { t } = useOpsfolioText();
  const name = row.key ? row.title ?? row.key : t(`cost.table.none.${props.groupBy}`);
  return (
    <Cell textValue={name}>
      <div style={{ paddingLeft: depth * INDENT }}>
        <Flex align="center" gap="1">
          {row.key ? (
            <KeepFocus>
              <ButtonIcon
                variant="tertiary"
                size="small"
                aria-expanded={open}
                aria-label={t(open ? 'cost.table.hideServices' : 'cost.table.showServices', { name })}
                onPress={() => onToggle(row.key)}
                icon={open ? <RiArrowDownSLine size={16} aria-hidden /> : <RiArrowRightSLine size={16} aria-hidden />}
              />
            </KeepFocus>
          ) : (
            <span style={{ display: 'inline-block', width: EXPANDER, flexShrink: 0 }} />
          )}
          {row.key ? <EntityRefLink entityRef={row.key} title={row.title} defaultKind={props.groupBy} /> : name}
        </Flex>
        {hasChildren && (
          <Text as="p" variant="body-small" color="secondary" style={{ marginLeft: NAME_START }}>
            {t('cost.table.withSubTeams')}
          </Text>
        )}
      </div>
    </Cell>
  );
}

function UnmappedCell(props: { unmapped: CostOverviewResponse['unmapped'] }) {
  const { values } = props.unmapped;
  const { t, format } = useOpsfolioText();
  return (
    <Cell textValue={t('cost.table.unmapped')}>
      {t('cost.table.unmapped')}
      <Text as="p" variant="body-small" color="secondary">
        {t(values.length === 0 ? 'cost.table.unmappedNone' : 'cost.table.unmappedSome')}
      </Text>
      {values.slice(0, UNMAPPED_SHOWN).map(v => (
        <Text as="p" variant="body-small" key={v.tagValue} data-testid="opsfolio-cost-unmapped-value">
          {t('cost.table.unmappedValue', {
            value: <code>{v.tagValue}</code>,
            thisMonth: format.money(v.monthToDate),
            lastMonth: format.money(v.lastMonth),
          })}
        </Text>
      ))}
      {values.length > UNMAPPED_SHOWN && (
        <Text as="p" variant="body-small" color="secondary">
          {t('cost.table.unmappedMore', { count: values.length - UNMAPPED_SHOWN })}
        </Text>
      )}
    </Cell>
  );
}

/** The line above an opened row's services, across the table. */
function DrillDownHeadRow(props: { item: Extract<Item, { kind: 'drillDownHead' }>; columns: number }) {
  const { item } = props;
  return (
    <Row id={item.id}>
      <Cell colSpan={props.columns}>
        <div style={{ paddingLeft: NAME_START + item.depth * INDENT }}>
          <DrillDownHead drillDown={item.drillDown} />
        </div>
      </Cell>
    </Row>
  );
}

/**
 * A service of an opened row: its name under the row's name, and its spend since the month the line above names
 * across the figure columns (it is none of them).
 */
function ServiceRow(props: { item: Extract<Item, { kind: 'service' }>; columns: number }) {
  const { item } = props;
  const { service } = item;
  const { t, format } = useOpsfolioText();
  return (
    <Row id={item.id} data-testid="opsfolio-cost-drilldown-row">
      <Cell colSpan={2} textValue={service.entityRef}>
        <div style={{ paddingLeft: NAME_START + item.depth * INDENT }}>
          <EntityRefLink entityRef={service.entityRef} defaultKind="component" />
          {service.tag && (
            <Text as="p" variant="body-small" color="secondary">
              {t('cost.drillDown.tag', { tag: <code>{service.tag}</code> })}
            </Text>
          )}
        </div>
      </Cell>
      <Cell colSpan={props.columns - 2} style={NUMERIC}>
        {format.money(service.amounts)}
      </Cell>
    </Row>
  );
}

/** Every owner, system or domain, then what no entity takes, then the organisation they add up to. */
export function CostOverviewTable(props: { overview: CostOverviewResponse }) {
  const { overview } = props;
  const { groupBy } = overview;
  const text = useOpsfolioText();
  const { t, format } = text;
  const tree = useMemo(() => costTree(overview.rows), [overview.rows]);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (key: string) =>
      setOpen(prev => {
        const next = new Set(prev);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    []
  );
  const openKeys = useMemo(() => tree.map(r => r.row.key).filter(key => key && open.has(key)), [tree, open]);
  const drillDownOf = useCostDrillDowns(openKeys);

  const items: Item[] = tree.flatMap((node): Item[] => {
    const { key } = node.row;
    // React Aria marks each row with `data-key` set to its id: the key's, as the page's readers expect.
    const row: Item = { id: key, kind: 'key', tree: node, open: open.has(key) };
    if (!key || !open.has(key)) return [row];
    const drillDown = drillDownOf(key);
    const depth = node.depth;
    return [
      row,
      { id: `services:${key}`, kind: 'drillDownHead', depth, drillDown },
      ...drillDownServices(drillDown).map(
        (service): Item => ({ id: `service:${key}>${service.entityRef}`, kind: 'service', depth, service })
      ),
    ];
  });
  items.push({ id: 'unmapped', kind: 'unmapped' }, { id: 'untagged', kind: 'untagged' });
  items.push({ id: 'organisation', kind: 'organisation' });

  const columns = useMemo((): ColumnConfig<Item>[] => {
    const figuresOf = (item: Item): RowFigures | undefined => {
      switch (item.kind) {
        case 'key': {
          const { row, hasChildren } = item.tree;
          return {
            figures: row.total,
            own: hasChildren && !sameFigures(row.total, row.direct) ? row.direct : undefined,
          };
        }
        case 'unmapped':
          return { figures: overview.unmapped.figures };
        case 'untagged':
          return { figures: overview.untagged };
        case 'organisation':
          return { figures: overview.organisation, bold: true };
        default:
          return undefined;
      }
    };
    const nameCell = (item: Item) => {
      switch (item.kind) {
        case 'key':
          return <KeyCell tree={item.tree} open={item.open} groupBy={groupBy} onToggle={toggle} />;
        case 'unmapped':
          return <UnmappedCell unmapped={overview.unmapped} />;
        case 'untagged':
          return (
            <Cell textValue={t('cost.table.untagged')}>
              {t('cost.table.untagged')}
              <Text as="p" variant="body-small" color="secondary">
                {t('cost.table.untaggedHint', { tagKey: <code>{overview.tagKey}</code> })}
              </Text>
            </Cell>
          );
        case 'organisation':
          return (
            <Cell textValue={t('cost.table.organisation')}>
              <span style={{ fontWeight: 700 }}>{t('cost.table.organisation')}</span>
            </Cell>
          );
        default:
          return <Cell />;
      }
    };
    const nameLabel = t(`cost.table.groupBy.${groupBy}`);
    return [
      {
        id: 'name',
        label: nameLabel,
        isRowHeader: true,
        header: columnHeader('name', nameLabel, { width: '30%', isRowHeader: true }),
        cell: nameCell,
      },
      {
        id: 'services',
        label: t('cost.table.services'),
        header: columnHeader('services', t('cost.table.services'), { numeric: true, width: '10%' }),
        cell: item => <Cell style={NUMERIC}>{item.kind === 'key' && format.number(item.tree.row.entities)}</Cell>,
      },
      ...costFigureColumns(text, figuresOf),
    ];
  }, [text, t, format, overview, groupBy, toggle]);

  return (
    <>
      <Table
        columnConfig={columns}
        data={items}
        pagination={{ type: 'none' }}
        rowConfig={({ item }) => {
          switch (item.kind) {
            case 'drillDownHead':
              return <DrillDownHeadRow item={item} columns={columns.length} />;
            case 'service':
              return <ServiceRow item={item} columns={columns.length} />;
            case 'key':
              return (
                <Row id={item.id} columns={columns} data-testid="opsfolio-cost-row" data-depth={item.tree.depth}>
                  {column => column.cell(item)}
                </Row>
              );
            default:
              return (
                <Row id={item.id} columns={columns} data-testid={`opsfolio-cost-${item.kind}`}>
                  {column => column.cell(item)}
                </Row>
              );
          }
        }}
      />
      <Text as="p" color="secondary" style={{ marginTop: 8 }} data-testid="opsfolio-cost-reconciliation">
        {t(`cost.table.reconciliation.${groupBy}`, {
          amount: format.money(overview.organisation.monthToDate),
        })}
      </Text>
    </>
  );
}
