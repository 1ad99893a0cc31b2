import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { DORA_METRICS, type DoraBand, type DoraResult } from '@opsfolio/backstage-plugin-common';
import { ToneChip } from '../components/ToneChip';
import type { Tone } from '../components/palette';
import { DORA_TITLES, formatDoraValue } from './formatDora';

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
      <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
        {metrics.map(metric => {
          const figure = dora.figures[metric];
          // An unbanded figure's explanation says so itself.
          const bands = unbanded.includes(metric) ? '' : `; bands: ${dora.thresholdsSource}`;
          return (
            <Tooltip
              key={metric}
              title={
                <>
                  {figure.definition && (
                    <Typography variant="body2" component="p" gutterBottom>
                      {figure.definition}
                    </Typography>
                  )}
                  <Typography variant="body2" component="p">
                    {`${figure.explanation} Based on ${figure.sampleSize} data point${
                      figure.sampleSize === 1 ? '' : 's'
                    } over ${dora.window.days} days${bands}.`}
                  </Typography>
                </>
              }
            >
              <Box minWidth={150} data-testid={`opsfolio-dora-${metric}`}>
                <Typography variant="caption" color="textSecondary">
                  {DORA_TITLES[metric]}
                </Typography>
                <Typography variant="h6">{formatDoraValue(figure)}</Typography>
                {figure.band && (
                  <ToneChip label={figure.band} {...BAND_LOOKS[figure.band]} style={{ textTransform: 'capitalize' }} />
                )}
              </Box>
            </Tooltip>
          );
        })}
      </Box>
      <Typography variant="caption" color="textSecondary" component="p" data-testid="opsfolio-dora-bands">
        {`Bands: ${dora.thresholdsSource}`}
        {unbanded.length > 0 && ` (${unbanded.map(m => DORA_TITLES[m].toLowerCase()).join(', ')}: none published)`}
      </Typography>
    </Box>
  );
}
