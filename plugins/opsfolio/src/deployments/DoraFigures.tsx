import { DORA_METRICS, type DoraBand, type DoraResult } from '@opsfolio/backstage-plugin-common';
import { ToneChip } from '../components/ToneChip';
import type { Tone } from '../components/palette';
import { doraTitle, doraTitleInSentence, formatDoraValue } from './formatDora';
import { Box, Flex, Focusable, Text, Tooltip, TooltipTrigger } from '@backstage/ui';
import { useOpsfolioText } from '../translation/useOpsfolioText';

// Elite and high are both good news: filled for elite, outlined for high.
const BAND_LOOKS: Record<DoraBand, { tone: Tone; outlined?: boolean }> = {
  elite: { tone: 'good' },
  high: { tone: 'good', outlined: true },
  medium: { tone: 'warn' },
  low: { tone: 'bad' },
};

/**
 * The five DORA figures, each with its band and where the bands come from; hovering or focusing one gives DORA's
 * definition, how it was computed and on how much data.
 */
export function DoraFigures(props: { dora: DoraResult }) {
  const text = useOpsfolioText();
  const { t, format } = text;
  const { dora } = props;
  // An older backend sends four figures and no `unbanded`: show what it sent.
  const metrics = DORA_METRICS.filter(metric => dora.figures[metric]);
  const unbanded = (dora.unbanded ?? []).filter(metric => dora.figures[metric]);
  return (
    <Box data-testid="opsfolio-dora">
      <Flex gap="4" style={{ flexWrap: 'wrap' }}>
        {metrics.map(metric => {
          const figure = dora.figures[metric];
          const basis = {
            explanation: figure.explanation,
            count: figure.sampleSize,
            days: format.number(dora.window.days),
          };
          const value = formatDoraValue(text, figure);
          const band =
            figure.band && (figure.band in BAND_LOOKS ? t(`deployments.dora.band.${figure.band}`) : figure.band);
          return (
            <TooltipTrigger key={metric}>
              {/* Focusable, so the tooltip opens on keyboard focus too; read out as one figure, named by what it shows. */}
              <Focusable>
                <Box
                  minWidth="150px"
                  role="img"
                  aria-label={[doraTitle(t, metric), value, band].filter(Boolean).join(', ')}
                  data-testid={`opsfolio-dora-${metric}`}
                >
                  <Text variant="body-small" color="secondary">
                    {doraTitle(t, metric)}
                  </Text>
                  <Text as="div" variant="title-x-small" weight="bold">
                    {value}
                  </Text>
                  {figure.band && band && (
                    <ToneChip label={band} {...BAND_LOOKS[figure.band]} style={{ textTransform: 'capitalize' }} />
                  )}
                </Box>
              </Focusable>
              <Tooltip>
                {/* Plain paragraphs: the tooltip sets its own colours. */}
                {figure.definition && <p style={{ margin: '0 0 8px' }}>{figure.definition}</p>}
                <p style={{ margin: 0 }}>
                  {/* An unbanded figure's explanation says so itself. */}
                  {unbanded.includes(metric)
                    ? t('deployments.dora.basis', basis)
                    : t('deployments.dora.basisWithBands', { ...basis, source: dora.thresholdsSource })}
                </p>
              </Tooltip>
            </TooltipTrigger>
          );
        })}
      </Flex>
      <Text as="p" variant="body-small" color="secondary" data-testid="opsfolio-dora-bands">
        {unbanded.length > 0
          ? t('deployments.dora.bandsWithUnbanded', {
              source: dora.thresholdsSource,
              metrics: unbanded.map(m => doraTitleInSentence(t, m)).join(', '),
            })
          : t('deployments.dora.bands', { source: dora.thresholdsSource })}
      </Text>
    </Box>
  );
}
