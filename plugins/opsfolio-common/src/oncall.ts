/**
 * On-call and incident shapes shared by the backend and the frontend. They are vendor-neutral: a
 * PagerDuty escalation policy, an Opsgenie team's schedules or a successor's rota all map onto them.
 */

/** A person who can be paged. @public */
export interface OnCallPerson {
  /** The vendor's user id, when the vendor has one. */
  id?: string;
  /** The person's name at the vendor. */
  name: string;
  /** The person's email at the vendor, used to match them with catalog users. */
  email?: string;
  /** The person's page at the vendor. */
  url?: string;
}

/** One person on call at one escalation level. @public */
export interface OnCallShift {
  /** Escalation level, 1 first. A source without escalation levels puts everyone on level 1. */
  level: number;
  /** Who is on call. */
  person: OnCallPerson;
  /** ISO instant the shift started; unset when it has no start (a direct target). */
  start?: string;
  /** ISO instant the shift ends; unset means permanently on call: a direct target of the level, not a schedule. */
  end?: string;
  /** The schedule the shift comes from; unset for a direct target. */
  scheduleName?: string;
  /** The schedule's page at the vendor. */
  scheduleUrl?: string;
}

/** Who is on call for one service, at every escalation level, as read at `readAt`. @public */
export interface OnCallNow {
  /** The source id, e.g. `pagerduty` or `opsgenie`. */
  source: string;
  /** The vendor's service (PagerDuty) or team (Opsgenie) the entity maps to. */
  service: { id: string; name: string; url?: string };
  /** Unset when the source has no escalation policy for the service (e.g. Opsgenie schedules only). */
  escalationPolicy?: { id: string; name: string; url?: string; levels: number };
  /** Every shift at every level, not only level 1. */
  shifts: OnCallShift[];
  /** The schedules behind the levels with their entries ahead (usually 14 days), to find coverage gaps. */
  schedules?: Array<{
    id: string;
    name: string;
    url?: string;
    entries: Array<{ start: string; end: string; person?: OnCallPerson }>;
  }>;
  /** ISO instant of the read: its age is the age of this answer. */
  readAt: string;
}

/** An incident's status, as PagerDuty names it; Opsgenie's `open`/`closed` map to `triggered`/`resolved`. @public */
export type IncidentStatus = 'triggered' | 'acknowledged' | 'resolved';

/** An incident's urgency, as PagerDuty names it. @public */
export type IncidentUrgency = 'high' | 'low';

/** One incident of an entity, as stored; keyed by `(source, externalId)`. @public */
export interface Incident {
  /** A source id such as `pagerduty`, or `push` for the push API. */
  source: string;
  /** The vendor's id, unique within the source. */
  externalId: string;
  /** The entity the incident is about. */
  entityRef: string;
  /** The incident's title at the vendor. */
  title: string;
  /** Open (`triggered`, `acknowledged`) or `resolved`. */
  status: IncidentStatus;
  /** The vendor's urgency, when it has one. */
  urgency?: IncidentUrgency;
  /** The vendor's own severity or priority label, e.g. `P1` or `SEV-2`, as given. */
  severity?: string;
  /** ISO instants. `acknowledgedAt` is the first acknowledgement. */
  createdAt: string;
  /** ISO instant of the first acknowledgement. */
  acknowledgedAt?: string;
  /** ISO instant the incident was resolved. */
  resolvedAt?: string;
  /** The incident's page at the vendor. */
  url?: string;
}

/** A stretch of time nobody is on call. ISO instants, `start` inclusive, `end` exclusive. @public */
export interface CoverageGap {
  /** ISO instant the gap starts (inclusive). */
  start: string;
  /** ISO instant the gap ends (exclusive). */
  end: string;
}

/** How well a set of shifts covers a window. @public */
export interface Coverage {
  /** Merged, clipped to the window, sorted by start; never empty stretches. */
  gaps: CoverageGap[];
  /** The share of the window someone is on call, 0 to 1. */
  coveredShare: number;
}

/** The coverage of one schedule over the coming days. @public */
export interface ScheduleCoverage extends Coverage {
  /** The schedule's name at the vendor. */
  scheduleName: string;
}

/** A member of the group that owns an entity, from the catalog (display name, else entity name). @public */
export interface OwnerMember {
  /** The member's display name, else entity name. */
  name: string;
  /** The member's profile email. */
  email?: string;
}

/** A person on the rota recognised as a member of the owning group, and how. @public */
export interface OnCallMatch {
  /** The person on the rota. */
  person: OnCallPerson;
  /** The member of the owning group they were recognised as. */
  member: OwnerMember;
  /** Matched by email, else by name. */
  by: 'email' | 'name';
}

/** Whether the people paged for an entity are the people who own it. @public */
export interface OnCallDrift {
  /** Distinct people on the rota who are not members of the owning group. */
  outsiders: OnCallPerson[];
  /** False when no member of the owning group is on the rota (also when the rota is empty). */
  ownerOnRota: boolean;
  /** The rota people who are members, one entry per distinct person. */
  matchedBy: OnCallMatch[];
}

/** A mean duration in hours over a sample; `hours` is `null` below the minimum sample size. @public */
export interface MeanDuration {
  /** The mean in hours; `null` when the sample is too small. */
  hours: number | null;
  /** How many incidents the mean is over. */
  sampleSize: number;
}

/** How fast incidents are acknowledged and resolved. @public */
export interface ResponseTimes {
  /** Mean time to acknowledge, over incidents created in the window that were acknowledged. */
  mtta: MeanDuration & {
    /** Incidents created in the window and resolved without an acknowledgement: left out of MTTA. */
    resolvedWithoutAck: number;
  };
  /** Mean time to resolve, over incidents created in the window that are resolved. */
  mttr: MeanDuration;
  /** Incidents open now (triggered or acknowledged), whenever they were created. */
  open: number;
}

/** The shape of an escalation at one moment. @public */
export interface EscalationFacts {
  /** Levels of the escalation policy (or the highest level with a shift, if that is higher; 0 for none). */
  levels: number;
  /** Distinct people on call per level, 1 to `levels`, 0 for an empty level. */
  respondersPerLevel: Record<number, number>;
  /** Levels nobody is on call at, ascending. */
  emptyLevels: number[];
}
