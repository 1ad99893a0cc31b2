import type { DoraFigure, DoraMetricId } from '@opsfolio/backstage-plugin-common';

export const DORA_TITLES: Record<DoraMetricId, string> = {
  deploymentFrequency: 'Deployment frequency',
  leadTime: 'Change lead time',
  changeFailureRate: 'Change failure rate',
  recoveryTime: 'Failed deployment recovery',
  reworkRate: 'Deployment rework rate',
};

const hours = (h: number) => {
  if (h < 1) return `${Math.round(h * 60)} min`;
  if (h < 48) return `${Number(h.toFixed(1))} h`;
  return `${Number((h / 24).toFixed(1))} days`;
};

/** A figure as people say it: "3.2 a day", "2 a week", "4.5 h", "12%". */
export function formatDoraValue(figure: DoraFigure): string {
  if (figure.value === null) return 'Not enough data';
  switch (figure.unit) {
    case 'deploysPerDay': {
      const perDay = figure.value;
      if (perDay === 0) return 'None';
      if (perDay >= 1) return `${Number(perDay.toFixed(1))} a day`;
      if (perDay * 7 >= 1) return `${Number((perDay * 7).toFixed(1))} a week`;
      return `${Number((perDay * 30).toFixed(1))} a month`;
    }
    case 'hours':
      return hours(figure.value);
    case 'ratio':
      return `${Number((figure.value * 100).toFixed(1))}%`;
    default:
      return String(figure.value);
  }
}
