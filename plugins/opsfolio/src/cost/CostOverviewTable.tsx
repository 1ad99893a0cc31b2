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
import { formatMoney } from './formatMoney';
import { ButtonIcon, Text } from '@backstage/ui';
import { RiArrowDownSLine, RiArrowRightSLine } from '@remixicon/react';

type GroupBy = CostOverviewResponse['groupBy'];
const COLUMNS = 6;
const UNMAPPED_SHOWN = 10;
const NONE: Record<GroupBy, string> = { owner: 'No owner', system: 'No system', domain: 'No domain' };
const PLURAL: Record<GroupBy, string> = { owner: 'Teams', system: 'Systems', domain: 'Domains' };

function KeyRow(props: { tree: CostTreeRow; groupBy: GroupBy }) {
  const { row, depth, hasChildren } = props.tree;
  const [open, setOpen] = useState(false);
  const showOwn = hasChildren && !sameFigures(row.total, row.direct);
  const label = row.key ? (
    <EntityRefLink entityRef={row.key} title={row.title} defaultKind={props.groupBy} />
  ) : (
    NONE[props.groupBy]
  );
  return (
    <>
      <TableRow data-testid="opsfolio-cost-row" data-key={row.key} data-depth={depth}>
        <TableCell style={{ paddingLeft: 16 + depth * 24 }}>
          {row.key ? (
            <ButtonIcon
              variant="tertiary"
              aria-expanded={open}
              aria-label={`${open ? 'Hide' : 'Show'} services of ${row.title ?? row.key}`}
              onPress={() => setOpen(!open)}
              icon={open ? <RiArrowDownSLine size={16} aria-hidden /> : <RiArrowRightSLine size={16} aria-hidden />}
            />
          ) : (
            <span style={{ display: 'inline-block', width: 30 }} />
          )}
          {label}
          {hasChildren && (
            <Text as="p" variant="body-small" color="secondary" style={{ marginLeft: 30 }}>
              with sub-teams
            </Text>
          )}
        </TableCell>
        <TableCell align="right">{row.entities}</TableCell>
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
  return (
    <TableRow data-testid="opsfolio-cost-unmapped">
      <TableCell>
        Unmapped tag values
        <Text as="p" variant="body-small" color="secondary">
          {values.length === 0 ? 'every tag value matches an entity' : 'tag values no entity carries:'}
        </Text>
        {values.slice(0, UNMAPPED_SHOWN).map(v => (
          <Text as="p" variant="body-small" key={v.tagValue} data-testid="opsfolio-cost-unmapped-value">
            <code>{v.tagValue}</code> {formatMoney(v.monthToDate)} this month, {formatMoney(v.lastMonth)} last month
          </Text>
        ))}
        {values.length > UNMAPPED_SHOWN && (
          <Text as="p" variant="body-small" color="secondary">
            and {values.length - UNMAPPED_SHOWN} more (all are in the CSV)
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
  const ownerColumn = { owner: 'Owner', system: 'System', domain: 'Domain' }[overview.groupBy];
  return (
    <>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{ownerColumn}</TableCell>
            <TableCell align="right">Services</TableCell>
            <TableCell align="right">Month to date</TableCell>
            <TableCell align="right">Last month</TableCell>
            <TableCell align="right">Forecast</TableCell>
            <TableCell align="right">Change</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {costTree(overview.rows).map(tree => (
            <KeyRow key={tree.row.key} tree={tree} groupBy={overview.groupBy} />
          ))}
          <UnmappedRow unmapped={overview.unmapped} />
          <TableRow data-testid="opsfolio-cost-untagged">
            <TableCell>
              Untagged
              <Text as="p" variant="body-small" color="secondary">
                spend without the <code>{overview.tagKey}</code> tag
              </Text>
            </TableCell>
            <TableCell />
            <CostFigureCells figures={overview.untagged} />
          </TableRow>
          <TableRow data-testid="opsfolio-cost-organisation">
            <TableCell style={{ fontWeight: 700 }}>Organisation</TableCell>
            <TableCell />
            <CostFigureCells figures={overview.organisation} bold />
          </TableRow>
        </TableBody>
      </Table>
      <Text as="p" color="secondary" style={{ marginTop: 8 }} data-testid="opsfolio-cost-reconciliation">
        {PLURAL[overview.groupBy]}, unmapped and untagged add up to the organisation&apos;s{' '}
        {formatMoney(overview.organisation.monthToDate)} this month
        {overview.groupBy === 'owner'
          ? ", counting each team's own spend (a figure with sub-teams includes theirs)"
          : ''}
        . Forecasts are month-end at the last 7 days&apos; run rate.
      </Text>
    </>
  );
}
