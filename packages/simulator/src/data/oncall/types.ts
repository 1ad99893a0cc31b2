import type { GapScenario } from '../../scenario/schema';

/** Someone on a rota: a catalog user with the ids both on-call vendors know them by. */
export interface OnCallUser {
  /** catalog user name (metadata.name), e.g. ada.okafor */
  user: string;
  /** display name, e.g. Ada Okafor */
  name: string;
  /** as in the catalog: ada.okafor@acme.example; Opsgenie's username */
  email: string;
  /** the time zone of the first rota they are on */
  timeZone: string;
  /** PagerDuty-style id: P + 6 uppercase letters and digits, stable per user */
  pagerdutyId: string;
  /** Opsgenie user id (a UUID), stable per user */
  opsgenieId: string;
}

/**
 * One rotation: the rota handed over every `rotationDays` (at 09:00 in `timeZone` for whole days), turn k
 * going to members[(k + offset) mod n]. Turn 0 starts on a fixed Monday, so the same rota in two services
 * puts the same person on call in both.
 */
export interface Rotation {
  /** PagerDuty schedule id, or the Opsgenie schedule id */
  id: string;
  /** PagerDuty layer id, or the Opsgenie rotation id */
  layerId: string;
  name: string;
  /** the escalation level this rotation serves */
  level: number;
  timeZone: string;
  /** the rota, in order */
  members: OnCallUser[];
  /** how many people later in the rota this rotation runs (0 primary, 1 secondary, …) */
  offset: number;
  rotationDays: number;
  /** hours nobody covers, relative to today (level 1 only) */
  gaps: GapScenario[];
}

/** One on-call period of a rotation: [start, end) in epoch ms. */
export interface Shift {
  start: number;
  end: number;
  user: OnCallUser;
}

export type EscalationTarget =
  | {
      type: 'schedule';
      schedule: Rotation;
      /** Opsgenie's notifyType for the rule: the schedule's on-call (default) or the next one (next) */
      notifyType: 'default' | 'next';
    }
  | { type: 'user'; user: OnCallUser };

export interface EscalationLevel {
  level: number;
  /** PagerDuty rule id */
  ruleId: string;
  /** minutes before an unacknowledged incident moves on to the next level */
  delayMinutes: number;
  targets: EscalationTarget[];
}

export interface EscalationPolicy {
  /** PagerDuty escalation policy id, or the Opsgenie escalation id */
  id: string;
  name: string;
  description: string;
  levels: EscalationLevel[];
  /** how often PagerDuty repeats the whole policy when nobody acknowledges */
  numLoops: number;
}

export interface PagerDutyIntegration {
  id: string;
  type: 'events_api_v2_inbound_integration' | 'generic_events_api_inbound_integration';
  name: string;
  /** 32 hex characters; the Events API routing key */
  integrationKey: string;
  vendor?: { id: string; name: string };
  createdAt: number;
}

export interface PagerDutyService {
  component: string;
  id: string;
  name: string;
  description: string;
  timeZone: string;
  policy: EscalationPolicy;
  /** the rotations the policy targets, level order */
  schedules: Rotation[];
  integrations: PagerDutyIntegration[];
  createdAt: number;
}

export interface OpsgenieTeam {
  id: string;
  name: string;
  description: string;
  members: { user: OnCallUser; role: 'admin' | 'user' }[];
  /** the team's schedule (`<team>_schedule`): the level-1 rotation */
  schedule: Rotation;
  /** `<team>_escalation`: the schedule's on-call, then the next on-call, then the manager */
  escalation: EscalationPolicy;
  /** components whose oncall names this team, scenario order */
  components: string[];
  timeZone: string;
  createdAt: number;
}

/** What one component's on-call looks like, whichever vendor serves it. */
export interface ComponentOnCall {
  component: string;
  vendor: 'pagerduty' | 'opsgenie';
  policy: EscalationPolicy;
  rota: OnCallUser[];
  manager: OnCallUser;
  timeZone: string;
  pagerduty?: PagerDutyService;
  opsgenie?: OpsgenieTeam;
}

export interface OnCallDirectory {
  /** everyone on a rota or named as a manager, by name */
  users: OnCallUser[];
  components: Map<string, ComponentOnCall>;
  pagerduty: {
    services: PagerDutyService[];
    policies: EscalationPolicy[];
    schedules: Rotation[];
  };
  opsgenie: {
    teams: OpsgenieTeam[];
  };
}

/** One row of "who is on call": a level's target, for a period (start/end undefined: a direct user target). */
export interface OnCallEntry {
  policy: EscalationPolicy;
  level: number;
  /** undefined for a user targeted directly by the escalation rule (permanently on call) */
  schedule?: Rotation;
  user: OnCallUser;
  start?: number;
  end?: number;
}
