import type { Request, Response, Router } from 'express';
import type { SimulatorContext } from '../../context';
import { clipShifts, finalShifts, onCallAt, turnStart, type OnCallUser, type OpsgenieTeam } from '../../data/oncall';
import { DAY_MS } from '../../time';
import { findScheduleTeam, opsgenieTeams } from './directory';
import { dateParam, identifierType, isoMillis, sendData, stringParam } from './envelope';
import { notFound, unprocessable } from './errors';
import { escalationRecipient, escalationRotationId, scheduleJson, scheduleMeta } from './json';

// Schedules: GET /v2/schedules (expand=rotation), GET /v2/schedules/{identifier},
// GET /v2/schedules/{identifier}/on-calls (flat, date) and GET /v2/schedules/{identifier}/timeline
// (interval, intervalUnit, date, expand). `identifierType=id|name` (also `scheduleIdentifierType`).
//
// On-calls with flat=false list the level-1 user(s) as `user` participants and, for teams with more than
// one level, the team's escalation as an `escalation` participant whose own onCallParticipants are the
// users each rule reaches right now, with escalationTime (minutes) and notifyType. flat=true gives the
// usernames of all of them in onCallRecipients. A gap shows as no level-1 user.

const participant = (user: OnCallUser) => ({ id: user.opsgenieId, name: user.email, type: 'user' });

function scheduleFromPath(ctx: SimulatorContext, req: Request, res: Response): OpsgenieTeam | undefined {
  const type = identifierType(req, 'schedule', ['id', 'name']);
  if (!type) {
    unprocessable(res, 'identifierType must be one of [id, name]');
    return undefined;
  }
  const team = findScheduleTeam(ctx, req.params.identifier!, type);
  if (!team) notFound(res, `Schedule with ${type} [${req.params.identifier}]`);
  return team;
}

/** `date` or now; undefined after answering 422. */
function dateOrNow(ctx: SimulatorContext, req: Request, res: Response): number | undefined {
  const date = dateParam(req, 'date');
  if (Number.isNaN(date)) {
    unprocessable(res, "date must be in the format yyyy-MM-dd'T'HH:mm:ssZ");
    return undefined;
  }
  return date ?? ctx.now().getTime();
}

function expandList(req: Request): string[] {
  return (stringParam(req, 'expand') ?? '').split(',').map((e) => e.trim()).filter(Boolean);
}

export function registerScheduleRoutes(router: Router, ctx: SimulatorContext): void {
  router.get('/v2/schedules', (req, res) => {
    const withRotations = expandList(req).includes('rotation');
    sendData(
      res,
      opsgenieTeams(ctx).map((team) => scheduleJson(team, turnStart(team.schedule, 0), withRotations)),
      { expandable: ['rotation'] },
    );
  });

  router.get('/v2/schedules/:identifier', (req, res) => {
    const team = scheduleFromPath(ctx, req, res);
    if (team) sendData(res, scheduleJson(team, turnStart(team.schedule, 0), true));
  });

  router.get('/v2/schedules/:identifier/on-calls', (req, res) => {
    const team = scheduleFromPath(ctx, req, res);
    if (!team) return;
    const at = dateOrNow(ctx, req, res);
    if (at === undefined) return;
    const now = ctx.now().getTime();
    const levelOne = finalShifts(team.schedule, now, at, at).map((s) => s.user);
    const participants: Record<string, unknown>[] = levelOne.map(participant);
    const reached: OnCallUser[] = [...levelOne];
    if (team.escalation.levels.length > 1) {
      let escalationTime = 0;
      const nested: Record<string, unknown>[] = [];
      for (const level of team.escalation.levels) {
        const target = level.targets[0]!;
        const users =
          target.type === 'user'
            ? [target.user]
            : target.notifyType === 'next'
              ? [onCallAt(target.schedule, at)]
              : levelOne;
        for (const user of users) {
          nested.push({ ...participant(user), escalationTime, notifyType: target.type === 'user' ? 'default' : target.notifyType });
          reached.push(user);
        }
        escalationTime += level.delayMinutes;
      }
      participants.push({ ...escalationRecipient(team), type: 'escalation', onCallParticipants: nested });
    }
    const parent = scheduleMeta(team);
    if (stringParam(req, 'flat') === 'true') {
      sendData(res, { _parent: parent, onCallRecipients: [...new Set(reached.map((u) => u.email))] });
    } else {
      sendData(res, { _parent: parent, onCallParticipants: participants });
    }
  });

  router.get('/v2/schedules/:identifier/timeline', (req, res) => {
    const team = scheduleFromPath(ctx, req, res);
    if (!team) return;
    const start = dateOrNow(ctx, req, res);
    if (start === undefined) return;
    const intervalText = stringParam(req, 'interval') ?? '1';
    const unit = stringParam(req, 'intervalUnit') ?? 'weeks';
    if (!/^\d+$/.test(intervalText) || Number(intervalText) < 1) return unprocessable(res, 'interval must be a positive integer');
    if (!['days', 'weeks', 'months'].includes(unit)) return unprocessable(res, 'intervalUnit must be one of [days, weeks, months]');
    const end = addInterval(start, Number(intervalText), unit);
    const timeline = timelineJson(team, ctx.now().getTime(), start, end);
    const expand = expandList(req);
    sendData(
      res,
      {
        _parent: scheduleMeta(team),
        startDate: isoMillis(start),
        endDate: isoMillis(end),
        finalTimeline: timeline,
        ...(expand.includes('base') ? { baseTimeline: timeline } : {}),
        ...(expand.includes('override') ? { overrideTimeline: { rotations: [] } } : {}),
        ...(expand.includes('forwarding') ? { forwardingTimeline: { rotations: [] } } : {}),
      },
      { expandable: ['base', 'forwarding', 'override'] },
    );
  });
}

function addInterval(start: number, interval: number, unit: string): number {
  if (unit === 'days') return start + interval * DAY_MS;
  if (unit === 'weeks') return start + interval * 7 * DAY_MS;
  const date = new Date(start);
  date.setUTCMonth(date.getUTCMonth() + interval);
  return date.getTime();
}

/** Rotation by rotation: the primary rotation's periods (a gap is a stretch without one), the escalation's. */
function timelineJson(team: OpsgenieTeam, now: number, start: number, end: number) {
  const shifts = clipShifts(finalShifts(team.schedule, now, start, end), start, end);
  const rotations: Record<string, unknown>[] = [
    {
      id: team.schedule.layerId,
      name: 'primary',
      order: 1,
      periods: shifts.map((s) => ({
        startDate: isoMillis(s.start),
        endDate: isoMillis(s.end),
        type: 'default',
        recipient: { id: s.user.opsgenieId, type: 'user', name: s.user.email },
      })),
    },
  ];
  if (team.escalation.levels.length > 1) {
    const recipient = escalationRecipient(team);
    rotations.push({
      id: escalationRotationId(team),
      name: 'escalation',
      order: 2,
      periods: [
        { startDate: isoMillis(start), endDate: isoMillis(end), type: 'default', recipient: { id: recipient.id, type: 'escalation', name: recipient.name } },
      ],
    });
  }
  return { rotations };
}
