import type { DoraFigure, DoraMetricId } from '@opsfolio/backstage-plugin-common';
import type { OpsfolioT, OpsfolioText } from '../translation/format';

/** A DORA figure's title: "Deployment frequency". */
export function doraTitle(t: OpsfolioT, metric: DoraMetricId): string {
  return t(`deployments.dora.title.${metric}`);
}

/** A DORA figure's title inside a sentence: "deployment frequency". */
export function doraTitleInSentence(t: OpsfolioT, metric: DoraMetricId): string {
  return t(`deployments.dora.titleInSentence.${metric}`);
}

const hours = ({ t, format }: OpsfolioText, h: number) => {
  if (h < 1) return t('deployments.dora.value.minutes', { value: format.number(Math.round(h * 60)) });
  if (h < 48) return t('deployments.dora.value.hours', { value: format.number(h, 1) });
  const days = Math.round((h / 24) * 10) / 10; // as shown, so the plural matches the number
  return t('deployments.dora.value.days', { count: days, value: format.number(days, 1) });
};

/** A figure as people say it: "3.2 a day", "2 a week", "4.5 h", "12%". */
export function formatDoraValue(text: OpsfolioText, figure: DoraFigure): string {
  const { t, format } = text;
  if (figure.value === null) return t('deployments.dora.value.notEnoughData');
  switch (figure.unit) {
    case 'deploysPerDay': {
      const perDay = figure.value;
      if (perDay === 0) return t('deployments.dora.value.none');
      if (perDay >= 1) return t('deployments.dora.value.perDay', { value: format.number(perDay, 1) });
      if (perDay * 7 >= 1) return t('deployments.dora.value.perWeek', { value: format.number(perDay * 7, 1) });
      return t('deployments.dora.value.perMonth', { value: format.number(perDay * 30, 1) });
    }
    case 'hours':
      return hours(text, figure.value);
    case 'ratio':
      return format.percent(figure.value);
    default:
      // A unit this frontend does not know yet: the number as sent.
      return format.number(figure.value, 20);
  }
}
