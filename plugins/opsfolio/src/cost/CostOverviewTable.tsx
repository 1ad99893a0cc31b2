import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { CostOverviewResponse } from '@opsfolio/backstage-plugin-common';
import { useState } from 'react';
import { CostDrillDown } from './CostDrillDown';
import { CostFigureCells } from './CostFigureCells';
import { sameFigures } from './costMoney';
import { costTree, type CostTreeRow } from './costTree';
import { ButtonIcon, Text } from '@backstage/ui';
import { RiArrowDownSLine, RiArrowRightSLine } from '@remixicon/react';
import { useOpsfolioText } from '../translation/useOpsfolioText';

type GroupBy = CostOverviewResponse['groupBy'];
const COLUMNS = 6;
const UNMAPPED_SHOWN = 10;

function KeyRow(props: { tree: CostTreeRow; groupBy: GroupBy }) {
  const { row, depth, hasChildren } = props.tree;
  const [open, setOpen] = useState(false);
  const { t, format } = useOpsfolioText();
  const showOwn = hasChildren && !sameFigures(row.total, row.direct);
  const label = row.key ? (
    <EntityRefLink entityRef={row.key} title={row.title} defaultKind={props.groupBy} />
  ) : (
    t(`cost.table.none.${props.groupBy}`)
  );
  return (
    <>
      <TableRow data-testid="opsfolio-cost-row" data-key={row.key} data-depth={depth}>
        <TableCell style={{ paddingLeft: 16 + depth * 24 }}>
          {row.key ? (
            <ButtonIcon
              variant="tertiary"
              aria-expanded={open}
              aria-label={t(open ? 'cost.table.hideServices' : 'cost.table.showServices', {
                name: row.title ?? row.key,
              })}
              onPress={() => setOpen(!open)}
              icon={open ? <RiArrowDownSLine size={16} aria-hidden /> : <RiArrowRightSLine size={16} aria-hidden />}
            />
          ) : (
            <span style={{ display: 'inline-block', width: 30 }} />
          )}
          {label}
          {hasChildren && (
            <Text as="p" variant="body-small" color="secondary" style={{ marginLeft: 30 }}>
              {t('cost.table.withSubTeams')}
            </Text>
          )}
        </TableCell>
        <TableCell align="right">{format.number(row.entities)}</TableCell>
        <CostFigureCells figures={row.total} own={showOwn ? row.direct : undefined} />
      </TableRow>
      {open && (
        <TableRow>
          <TableCell colSpan={COLUMNS} style={{ paddingLeft: 46 + depth * 24 }}>
            <CostDrillDown entityRef={row.key} />
          </TableCell>
        </TableRow>
      )}
    </>
  );
}

function UnmappedRow(props: { unmapped: CostOverviewResponse['unmapped'] }) {
  const { figures, values } = props.unmapped;
  const { t, format } = useOpsfolioText();
  return (
    <TableRow data-testid="opsfolio-cost-unmapped">
      <TableCell>
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
      </TableCell>
      <TableCell />
      <CostFigureCells figures={figures} />
    </TableRow>
  );
}

/** Every owner, system or domain, then what no entity takes, then the organisation they add up to. */
export function CostOverviewTable(props: { overview: CostOverviewResponse }) {
  const { overview } = props;
  const { t, format } = useOpsfolioText();
  return (
    <>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t(`cost.table.groupBy.${overview.groupBy}`)}</TableCell>
            <TableCell align="right">{t('cost.table.services')}</TableCell>
            <TableCell align="right">{t('cost.table.monthToDate')}</TableCell>
            <TableCell align="right">{t('cost.table.lastMonth')}</TableCell>
            <TableCell align="right">{t('cost.table.forecast')}</TableCell>
            <TableCell align="right">{t('cost.table.change')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {costTree(overview.rows).map(tree => (
            <KeyRow key={tree.row.key} tree={tree} groupBy={overview.groupBy} />
          ))}
          <UnmappedRow unmapped={overview.unmapped} />
          <TableRow data-testid="opsfolio-cost-untagged">
            <TableCell>
              {t('cost.table.untagged')}
              <Text as="p" variant="body-small" color="secondary">
                {t('cost.table.untaggedHint', { tagKey: <code>{overview.tagKey}</code> })}
              </Text>
            </TableCell>
            <TableCell />
            <CostFigureCells figures={overview.untagged} />
          </TableRow>
          <TableRow data-testid="opsfolio-cost-organisation">
            <TableCell style={{ fontWeight: 700 }}>{t('cost.table.organisation')}</TableCell>
            <TableCell />
            <CostFigureCells figures={overview.organisation} bold />
          </TableRow>
        </TableBody>
      </Table>
      <Text as="p" color="secondary" style={{ marginTop: 8 }} data-testid="opsfolio-cost-reconciliation">
        {t(`cost.table.reconciliation.${overview.groupBy}`, {
          amount: format.money(overview.organisation.monthToDate),
        })}
      </Text>
    </>
  );
}
