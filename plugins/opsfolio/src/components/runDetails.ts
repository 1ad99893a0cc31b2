import { addDays, type SyncRunDetails } from '@opsfolio/backstage-plugin-common';
import { formatAge } from './age';

const count = new Intl.NumberFormat('en');

/**
 * A source's last run as one data-quality line: "1,000 rows read, 3 left out (nov.csv line 5: …)".
 * Undefined when the source reports nothing or read nothing and has nothing waiting.
 */
export function runDetailsLine(sourceId: string, details: SyncRunDetails | undefined): string | undefined {
  const waiting = details?.pending?.count ? `${count.format(details.pending.count)} ${details.pending.description}` : undefined;
  if (!details?.read) return waiting && `${sourceId}: ${waiting}.`;
  const parts = [`${sourceId}: ${count.format(details.read)} rows read${details.readAt ? ` ${formatAge(details.readAt)} (nothing changed since)` : ''}`];
  if (details.leftOut) {
    const first = details.problems?.[0];
    const where = first && [first.file, first.line !== undefined ? `line ${first.line}` : undefined].filter(Boolean).join(' ');
    parts.push(`${count.format(details.leftOut)} left out${first ? ` (first: ${where ? `${where}: ` : ''}${first.message})` : ''}`);
  } else {
    parts.push('none left out');
  }
  const days = details.days ?? [];
  if (days.length) parts.push(`days ${days.map(d => `${d.from} to ${addDays(d.to, -1)}`).join(', ')} replaced`);
  if (waiting) parts.push(waiting);
  return `${parts.join(', ')}.`;
}
