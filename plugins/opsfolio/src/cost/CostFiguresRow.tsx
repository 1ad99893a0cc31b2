import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { CostFigures } from '@opsfolio/backstage-plugin-common';
import { formatChange, formatMoney } from './formatMoney';

function Figure(props: { label: string; value: string; note?: string; testId: string }) {
  return (
    <Box mr={4} mb={1} data-testid={props.testId}>
      <Typography variant="caption" color="textSecondary">
        {props.label}
      </Typography>
      <Typography variant="h6">{props.value}</Typography>
      {props.note && (
        <Typography variant="caption" color="textSecondary">
          {props.note}
        </Typography>
      )}
    </Box>
  );
}

/** Month to date, last month, and the forecast with its change against last month. */
export function CostFiguresRow(props: { figures: CostFigures }) {
  const { figures } = props;
  const change = formatChange(figures.forecast, figures.lastMonth);
  return (
    <Box display="flex" flexWrap="wrap">
      <Figure label="This month so far" value={formatMoney(figures.monthToDate)} testId="opsfolio-cost-month-to-date" />
      <Figure label="Last month" value={formatMoney(figures.lastMonth)} testId="opsfolio-cost-last-month" />
      <Figure
        label="Month-end forecast"
        value={formatMoney(figures.forecast)}
        note={change ? `${change} on last month` : undefined}
        testId="opsfolio-cost-forecast"
      />
    </Box>
  );
}
