import { parseEntityRef } from '@backstage/catalog-model';
import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import { DIGEST_TOPIC, NOTIFICATION_TOPICS, type NotificationItem, type NotificationTopic } from './items';

/** Lines a notification lists before "and N more": the page it links to has the rest. */
const LINES = 8;

/** Where the links point: paths of the app, as the Opsfolio pages and tabs mount by default. */
export interface NotificationLinks {
  entity(entityRef: string, tab?: 'scorecards'): string;
  campaign(id: string): string;
  readiness(): string;
  campaigns(): string;
}

const defaultLinks: NotificationLinks = {
  entity(entityRef, tab) {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    return `/catalog/${namespace}/${kind}/${name}${tab ? `/${tab}` : ''}`;
  },
  campaign: id => `/opsfolio/campaigns/${encodeURIComponent(id)}`,
  readiness: () => '/opsfolio/scorecards',
  campaigns: () => '/opsfolio/campaigns',
};

const dayText = (instantOrDay: string) =>
  new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(instantOrDay.length === 10 ? `${instantOrDay}T00:00:00Z` : instantOrDay)
  );
const timeText = (instant: string) =>
  new Intl.DateTimeFormat('en', {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(new Date(instant)) + ' UTC';
const percent = (share: number) => `${Math.round(share * 100)}%`;
const plural = (n: number, one: string, other = `${one}s`) => `${n} ${n === 1 ? one : other}`;
const nameOf = (e: { entityRef: string; entityTitle?: string }) => e.entityTitle ?? parseEntityRef(e.entityRef).name;

function listed(lines: string[]): string {
  const shown = lines.slice(0, LINES);
  const more = lines.length - shown.length;
  return [...shown, ...(more > 0 ? [`and ${more} more`] : [])].join('\n');
}

/** One line per item, as a list in a notification or a digest. */
function lineOf(item: NotificationItem): string {
  switch (item.kind) {
    case 'check-failing':
      return `${nameOf(item)}: ${item.checkTitle} now fails. ${item.fix.text}`;
    case 'level-drop':
      return `${nameOf(item)}: ${item.scorecardTitle} dropped from ${item.from} to ${item.to ?? 'no level'}`;
    case 'milestone':
      return `${item.campaignTitle}: the ${percent(item.share)} milestone of ${dayText(item.date)} was ${
        item.status
      } (${item.done} of ${item.total} done)`;
    case 'reminder':
      return `${item.campaignTitle}: ${plural(item.notDone, 'entity', 'entities')} of your team not done, ${
        item.overdue ? `overdue since ${dayText(item.targetDate)}` : `due ${dayText(item.targetDate)}`
      }`;
    case 'oncall-gap':
      return `Nobody on call in ${item.scheduleName} from ${timeText(item.start)} to ${timeText(
        item.end
      )} (${item.entities.map(nameOf).join(', ')})`;
  }
}

/**
 * The one notification a person gets for one topic in a run, listing every item (the day's, for events: a later
 * run the same day updates the same notification through its scope). Pure.
 */
export function composeNotification(
  topic: NotificationTopic,
  items: NotificationItem[],
  day: string,
  links: NotificationLinks = defaultLinks
): NotificationPayload {
  const scope = topic === 'campaign-reminder' ? `opsfolio:${topic}` : `opsfolio:${topic}:${day}`;
  const base = { topic, scope, description: listed(items.map(lineOf)) };
  const [first] = items;
  const single = items.length === 1;
  switch (first.kind) {
    case 'check-failing': {
      const entities = new Set(items.map(i => (i as typeof first).entityRef));
      if (single) {
        return {
          ...base,
          title: `${nameOf(first)}: ${first.checkTitle} now fails`,
          description: `${first.scorecardTitle}. To fix: ${first.fix.text}`,
          link: links.entity(first.entityRef, 'scorecards'),
          severity: 'high',
        };
      }
      const link = entities.size === 1 ? links.entity(first.entityRef, 'scorecards') : links.readiness();
      return {
        ...base,
        title: `${items.length} readiness checks now fail on ${plural(
          entities.size,
          'entity',
          'entities'
        )} your team owns`,
        link,
        severity: 'high',
      };
    }
    case 'level-drop':
      return single
        ? {
            ...base,
            title: `${nameOf(first)} dropped to ${first.to ?? 'no level'} in ${first.scorecardTitle}`,
            description: `It was ${first.from}. The Readiness tab shows the checks that failed.`,
            link: links.entity(first.entityRef, 'scorecards'),
            severity: 'high',
          }
        : {
            ...base,
            title: `${plural(items.length, 'readiness level')} dropped on entities your team owns`,
            link: links.readiness(),
            severity: 'high',
          };
    case 'milestone':
      return single
        ? {
            ...base,
            title: `${first.campaignTitle}: ${percent(first.share)} milestone ${first.status}`,
            link: links.campaign(first.campaignId),
            severity: first.status === 'missed' ? 'high' : 'normal',
          }
        : {
            ...base,
            title: `${plural(items.length, 'campaign milestone')} reached or missed`,
            link: links.campaigns(),
            severity: items.some(i => i.kind === 'milestone' && i.status === 'missed') ? 'high' : 'normal',
          };
    case 'reminder':
      return single
        ? {
            ...base,
            title: `Reminder: ${first.campaignTitle}, ${plural(
              first.notDone,
              'entity',
              'entities'
            )} of your team not done`,
            description: `${
              first.overdue ? `Overdue since ${dayText(first.targetDate)}` : `Due ${dayText(first.targetDate)}`
            }. Not done: ${first.entities.join(', ')}${
              first.notDone > first.entities.length ? ` and ${first.notDone - first.entities.length} more` : ''
            }.`,
            link: links.campaign(first.campaignId),
            severity: first.overdue ? 'high' : 'normal',
          }
        : {
            ...base,
            title: `Reminder: ${plural(items.length, 'campaign')} with entities of your team not done`,
            link: links.campaigns(),
            severity: items.some(i => i.kind === 'reminder' && i.overdue) ? 'high' : 'normal',
          };
    case 'oncall-gap':
      return single
        ? {
            ...base,
            title: `Nobody on call in ${first.scheduleName} from ${timeText(first.start)}`,
            link: links.entity(first.entities[0].entityRef),
            severity: 'high',
          }
        : {
            ...base,
            title: `${plural(items.length, 'on-call gap')} ahead for entities your team owns`,
            link: links.entity(first.entities[0].entityRef),
            severity: 'high',
          };
  }
}

/** The day's digest: every topic's items in one notification, sections in topic order. Pure. */
export function composeDigest(
  byTopic: Map<NotificationTopic, NotificationItem[]>,
  day: string,
  links: NotificationLinks = defaultLinks
): NotificationPayload {
  const total = [...byTopic.values()].reduce((n, items) => n + items.length, 0);
  const sections = NOTIFICATION_TOPICS.filter(t => byTopic.has(t)).map(t => listed(byTopic.get(t)!.map(lineOf)));
  return {
    title: `Opsfolio daily digest: ${plural(total, 'thing')} for your team`,
    description: sections.join('\n\n'),
    link: links.readiness(),
    severity: 'normal',
    topic: DIGEST_TOPIC,
    scope: `opsfolio:${DIGEST_TOPIC}:${day}`,
  };
}
