import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { DORA_METRICS, type DoraBand, type DoraResult } from '@opsfolio/backstage-plugin-common';
import { DORA_TITLES, formatDoraValue } from './formatDora';

const BAND_COLORS: Record<DoraBand, string> = {
  elite: '#1b5e20',
  high: '#2e7d32',
  medium: '#ef6c00',
  low: '#c62828',
};

/** The four DORA figures, each with its band; hovering one says how it was computed and on how much data. */
export function DoraFigures(props: { dora: DoraResult }) {
  const { dora } = props;
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 16 }} data-testid="opsfolio-dora">
      {DORA_METRICS.map(metric => {
        const figure = dora.figures[metric];
        return (
          <Tooltip
            key={metric}
            title={`${figure.explanation} Based on ${figure.sampleSize} data point${figure.sampleSize === 1 ? '' : 's'} over ${dora.window.days} days; bands: ${dora.thresholdsSource}.`}
          >
            <Box minWidth={150} data-testid={`opsfolio-dora-${metric}`}>
              <Typography variant="caption" color="textSecondary">
                {DORA_TITLES[metric]}
              </Typography>
              <Typography variant="h6">{formatDoraValue(figure)}</Typography>
              {figure.band && (
                <Chip
                  size="small"
                  label={figure.band}
                  style={{ backgroundColor: BAND_COLORS[figure.band], color: 'white', textTransform: 'capitalize' }}
                />
              )}
            </Box>
          </Tooltip>
        );
      })}
    </Box>
  );
}
