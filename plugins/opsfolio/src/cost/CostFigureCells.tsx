import TableCell from '@mui/material/TableCell';
import type { CostFigures, Money } from '@opsfolio/backstage-plugin-common';
import { formatChange } from './formatMoney';
import { Text } from '@backstage/ui';
import { useOpsfolioText } from '../translation/useOpsfolioText';

function Amount(props: { money: Money; own?: Money; bold?: boolean }) {
  const { t, format } = useOpsfolioText();
  return (
    <TableCell align="right">
      <span style={props.bold ? { fontWeight: 700 } : undefined}>{format.money(props.money)}</span>
      {props.own && (
        <Text as="p" variant="body-small" color="secondary">
          {t('cost.figures.own', { amount: format.money(props.own) })}
        </Text>
      )}
    </TableCell>
  );
}

/** Month to date, last month, forecast and the forecast's change on last month; `own` as secondary text. */
export function CostFigureCells(props: { figures: CostFigures; own?: CostFigures; bold?: boolean }) {
  const { figures, own, bold } = props;
  const { format } = useOpsfolioText();
  return (
    <>
      <Amount money={figures.monthToDate} own={own?.monthToDate} bold={bold} />
      <Amount money={figures.lastMonth} own={own?.lastMonth} bold={bold} />
      <Amount money={figures.forecast} own={own?.forecast} bold={bold} />
      <TableCell align="right">{formatChange(format, figures.forecast, figures.lastMonth) ?? '–'}</TableCell>
    </>
  );
}
