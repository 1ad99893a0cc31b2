import { Box, Flex, Text } from '@backstage/ui';
import type { CostFigures } from '@opsfolio/backstage-plugin-common';
import { formatChange } from './formatMoney';
import { useOpsfolioText } from '../translation/useOpsfolioText';

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
  const { t, format } = useOpsfolioText();
  const change = formatChange(format, figures.forecast, figures.lastMonth);
  return (
    <Flex gap="6" mb="2" style={{ flexWrap: 'wrap' }}>
      <Figure
        label={t('cost.figures.monthToDate')}
        value={format.money(figures.monthToDate)}
        testId="opsfolio-cost-month-to-date"
      />
      <Figure
        label={t('cost.figures.lastMonth')}
        value={format.money(figures.lastMonth)}
        testId="opsfolio-cost-last-month"
      />
      <Figure
        label={t('cost.figures.forecast')}
        value={format.money(figures.forecast)}
        note={change ? t('cost.figures.changeOnLastMonth', { change }) : undefined}
        testId="opsfolio-cost-forecast"
      />
    </Flex>
  );
}
