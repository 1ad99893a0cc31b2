import Tooltip from '@mui/material/Tooltip';
import { DORA_METRICS, type DoraBand, type DoraResult } from '@opsfolio/backstage-plugin-common';
import { ToneChip } from '../components/ToneChip';
import type { Tone } from '../components/palette';
import { DORA_TITLES, formatDoraValue } from './formatDora';
import { Box, Flex, Text } from '@backstage/ui';

// Elite and high are both good news: filled for elite, outlined for high.
const BAND_LOOKS: Record<DoraBand, { tone: Tone; outlined?: boolean }> = {
  elite: { tone: 'good' },
  high: { tone: 'good', outlined: true },
  medium: { tone: 'warn' },
  low: { tone: 'bad' },
};

/**
 * The five DORA figures, each with its band and where the bands come from; hovering one gives DORA's
 * definition, how it was computed and on how much data.
 */
export function DoraFigures(props: { dora: DoraResult }) {
  const { dora } = props;
  // An older backend sends four figures and no `unbanded`: show what it sent.
  const metrics = DORA_METRICS.filter(metric => dora.figures[metric]);
  const unbanded = (dora.unbanded ?? []).filter(metric => dora.figures[metric]);
  return (
    <Box data-testid="opsfolio-dora">
      <Flex gap="4" style={{ flexWrap: 'wrap' }}>
        {metrics.map(metric => {
          const figure = dora.figures[metric];
          // An unbanded figure's explanation says so itself.
          const bands = unbanded.includes(metric) ? '' : `; bands: ${dora.thresholdsSource}`;
          return (
            <Tooltip
              key={metric}
              title={
                <>
                  {/* Plain paragraphs: the tooltip sets its own colours. */}
                  {figure.definition && <p style={{ margin: '0 0 8px' }}>{figure.definition}</p>}
                  <p style={{ margin: 0 }}>
                    {`${figure.explanation} Based on ${figure.sampleSize} data point${
                      figure.sampleSize === 1 ? '' : 's'
                    } over ${dora.window.days} days${bands}.`}
                  </p>
                </>
              }
            >
              <Box minWidth="150px" data-testid={`opsfolio-dora-${metric}`}>
                <Text variant="body-small" color="secondary">
                  {DORA_TITLES[metric]}
                </Text>
                <Text as="div" variant="title-x-small" weight="bold">
                  {formatDoraValue(figure)}
                </Text>
                {figure.band && (
                  <ToneChip label={figure.band} {...BAND_LOOKS[figure.band]} style={{ textTransform: 'capitalize' }} />
                )}
              </Box>
            </Tooltip>
          );
        })}
      </Flex>
      <Text as="p" variant="body-small" color="secondary" data-testid="opsfolio-dora-bands">
        {`Bands: ${dora.thresholdsSource}`}
        {unbanded.length > 0 && ` (${unbanded.map(m => DORA_TITLES[m].toLowerCase()).join(', ')}: none published)`}
      </Text>
    </Box>
  );
}
