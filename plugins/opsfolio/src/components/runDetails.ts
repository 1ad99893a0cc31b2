import { addDays, type SyncRunDetails } from '@opsfolio/backstage-plugin-common';
import type { OpsfolioText } from '../translation/format';

/**
 * A source's last run as one data-quality line: "1,000 rows read, 3 left out (nov.csv line 5: …)".
 * Undefined when the source reports nothing or read nothing and has nothing waiting.
 */
export function runDetailsLine(
  { t, format }: OpsfolioText,
  sourceId: string,
  details: SyncRunDetails | undefined
): string | undefined {
  const sentence = (parts: string[]) =>
    t('common.runDetails.sentence', { source: sourceId, parts: parts.join(t('common.runDetails.separator')) });
  const waiting = details?.pending?.count
    ? t('common.runDetails.pending', { count: details.pending.count, description: details.pending.description })
    : undefined;
  if (!details?.read) return waiting && sentence([waiting]);
  const rows = t('common.runDetails.rowsRead', { count: details.read });
  const parts: string[] = [
    details.readAt ? t('common.runDetails.readEarlier', { rows, age: format.age(details.readAt) }) : rows,
  ];
  if (details.leftOut) {
    const first = details.problems?.[0];
    if (first) {
      const where = [
        first.file,
        first.line !== undefined ? t('common.runDetails.line', { line: String(first.line) }) : undefined,
      ]
        .filter(Boolean)
        .join(' ');
      parts.push(
        t('common.runDetails.leftOutFirst', {
          count: details.leftOut,
          where: where ? `${where}: ` : '',
          message: first.message,
        })
      );
    } else {
      parts.push(t('common.runDetails.leftOut', { count: details.leftOut }));
    }
  } else {
    parts.push(t('common.runDetails.noneLeftOut'));
  }
  const days = details.days ?? [];
  if (days.length) {
    const ranges = days.map(d => t('common.runDetails.dayRange', { from: d.from, to: addDays(d.to, -1) }));
    parts.push(t('common.runDetails.daysReplaced', { days: ranges.join(t('common.listSeparator')) }));
  }
  if (waiting) parts.push(waiting);
  return sentence(parts);
}
