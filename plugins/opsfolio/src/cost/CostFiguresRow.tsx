import { Box, Flex, Text } from '@backstage/ui';
import type { CostFigures } from '@opsfolio/backstage-plugin-common';
import { formatChange, formatMoney } from './formatMoney';

function Figure(props: { label: string; value: string; note?: string; testId: string }) {
  return (
    <Box data-testid={props.testId}>
      <Text as="p" variant="body-small" color="secondary">
        {props.label}
      </Text>
      <Text as="p" variant="title-x-small" weight="bold">
        {props.value}
      </Text>
      {props.note && (
        <Text as="p" variant="body-small" color="secondary">
          {props.note}
        </Text>
      )}
    </Box>
  );
}

/** Month to date, last month, and the forecast with its change against last month. */
export function CostFiguresRow(props: { figures: CostFigures }) {
  const { figures } = props;
  const change = formatChange(figures.forecast, figures.lastMonth);
  return (
    <Flex gap="6" mb="2" style={{ flexWrap: 'wrap' }}>
      <Figure label="This month so far" value={formatMoney(figures.monthToDate)} testId="opsfolio-cost-month-to-date" />
      <Figure label="Last month" value={formatMoney(figures.lastMonth)} testId="opsfolio-cost-last-month" />
      <Figure
        label="Month-end forecast"
        value={formatMoney(figures.forecast)}
        note={change ? `${change} on last month` : undefined}
        testId="opsfolio-cost-forecast"
      />
    </Flex>
  );
}
