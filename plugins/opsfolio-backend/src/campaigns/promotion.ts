import { InputError } from '@backstage/errors';
import type { CampaignDefinition, CampaignPromotionResponse, Scorecard } from '@opsfolio/backstage-plugin-common';
import { createTwoFilesPatch } from 'diff';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document } from 'yaml';
import type { ScorecardOrigin } from '../scorecards/config';

type Level = { id: string; title: string };

/**
 * The standing scorecard with an ended campaign made part of it. Pure. A campaign of checks: each of its checks
 * guards `levelId` (default the lowest level) where it guarded a higher one, so every entity needs it sooner. A
 * campaign to a level: each tier it was filtered to (or, without a tier filter, each tier the scorecard has a target
 * for) targets at least that level.
 */
export function promoteCampaign(
  campaign: CampaignDefinition,
  scorecard: Scorecard,
  levelId?: string
): {
  promoted: Scorecard;
  changes: Array<{ text: string; checkId?: string; tier?: string; to: string }>;
  level?: Level;
} {
  const rank = (id: string | undefined) => scorecard.levels.findIndex(l => l.id === id);
  const title = (id: string) => scorecard.levels.find(l => l.id === id)?.title ?? id;
  const changes: Array<{ text: string; checkId?: string; tier?: string; to: string }> = [];
  if (campaign.checks) {
    const level = levelId ?? scorecard.levels[0].id;
    if (rank(level) < 0) {
      throw new InputError(
        `level: '${level}' is not a level of ${scorecard.id} (${scorecard.levels.map(l => l.id).join(', ')})`
      );
    }
    const checks = scorecard.checks.map(check => {
      if (!campaign.checks!.includes(check.id) || rank(check.level) <= rank(level)) return check;
      changes.push({
        text: `${check.title}: from ${title(check.level)} to ${title(level)}`,
        checkId: check.id,
        to: level,
      });
      return { ...check, level };
    });
    return { promoted: { ...scorecard, checks }, changes, level: { id: level, title: title(level) } };
  }
  const target = campaign.targetLevel!;
  const targets = { ...(scorecard.targets ?? {}) };
  const tiers = campaign.filter?.tier?.map(String) ?? Object.keys(targets);
  for (const tier of tiers) {
    if (targets[tier] !== undefined && rank(targets[tier]) >= rank(target)) continue;
    changes.push({
      text: `Tier ${tier} target: from ${targets[tier] ? title(targets[tier]) : 'none'} to ${title(target)}`,
      tier,
      to: target,
    });
    targets[tier] = target;
  }
  return { promoted: { ...scorecard, targets }, changes };
}

/** A unified diff `git apply` takes: without the separator line and the empty headers' tabs `diff` writes. */
function patch(oldName: string, newName: string, before: string, after: string): string {
  return createTwoFilesPatch(oldName, newName, before, after, '', '')
    .split('\n')
    .filter(line => !/^=+$/.test(line))
    .map(line => (line.startsWith('--- ') || line.startsWith('+++ ') ? line.replace(/\t$/, '') : line))
    .join('\n');
}

/** The node of a scorecard in a parsed file: the document, or its `index`th item. */
function scorecardNode(doc: Document, index: number | undefined) {
  const node = index === undefined ? doc.contents : isSeq(doc.contents) ? doc.contents.items[index] : undefined;
  if (!isMap(node)) throw new Error('the scorecard is no longer where it was read from');
  return node;
}

/**
 * The file's text with the changes made. A value already written (a check's level, a tier's target) is replaced
 * where it stands and a missing tier target is added as a line of the targets, so nothing else in the file moves;
 * only a file whose targets are missing or written as a flow map is written again whole (comments kept).
 */
function editScorecardFile(
  text: string,
  index: number | undefined,
  changes: Array<{ checkId?: string; tier?: string; to: string }>
): string {
  const doc = parseDocument(text);
  const node = scorecardNode(doc, index);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  // Edits at the same place keep their order: two tiers added after the same line read in the order asked.
  let order = 0;
  let rewrite = false;
  for (const c of changes) {
    let value: unknown;
    if (c.tier !== undefined) {
      const targets = node.get('targets', true);
      value = isMap(targets)
        ? targets.items.find(p => isScalar(p.key) && String(p.key.value) === c.tier)?.value
        : undefined;
    } else {
      const checks = node.get('checks', true);
      const item = isSeq(checks) ? checks.items.find(i => isMap(i) && i.get('id') === c.checkId) : undefined;
      value = isMap(item) ? item.get('level', true) : undefined;
    }
    if (isScalar(value) && value.range) {
      edits.push({ start: value.range[0], end: value.range[1], text: c.to });
      continue;
    }
    // A tier the block map of targets lacks: a line of its own after the last one, indented like the first.
    const targets = node.get('targets', true);
    const first = isMap(targets) && !targets.flow ? targets.items[0] : undefined;
    const last = isMap(targets) ? targets.items.at(-1) : undefined;
    if (c.tier !== undefined && isScalar(first?.key) && first.key.range && isScalar(last?.value) && last.value.range) {
      const lineEnd = text.indexOf('\n', last.value.range[1]);
      const at = lineEnd < 0 ? text.length : lineEnd;
      const indent = first.key.range[0] - (text.lastIndexOf('\n', first.key.range[0]) + 1);
      const key = /^[\w-]+$/.test(c.tier) && !/^\d+$/.test(c.tier) ? c.tier : `'${c.tier.replaceAll("'", "''")}'`;
      edits.push({ start: at, end: at, text: `\n${' '.repeat(indent)}${key}: ${c.to}` });
      continue;
    }
    rewrite = true;
  }
  if (rewrite) {
    // The values found above are set on the document too, so one writing carries every change.
    for (const c of changes) {
      if (c.checkId === undefined) continue;
      const checks = node.get('checks', true);
      const item = isSeq(checks) ? checks.items.find(i => isMap(i) && i.get('id') === c.checkId) : undefined;
      if (isMap(item)) item.set('level', c.to);
    }
    for (const c of changes) if (c.tier !== undefined) node.setIn(['targets', c.tier], c.to);
    return doc.toString();
  }
  return edits
    .map(e => ({ ...e, order: order++ }))
    .sort((a, b) => b.start - a.start || b.order - a.order)
    .reduce((out, e) => out.slice(0, e.start) + e.text + out.slice(e.end), text);
}

/**
 * The promotion as a pull-request-ready diff. A scorecard read from a YAML file: that file edited in place, its
 * comments and layout kept. Inline in config, or shipped: a new file holding the promoted scorecard, to list in
 * `opsfolio.scorecards.files` (a configured scorecard replaces a shipped one with the same id).
 */
export function promotionDiff(
  campaign: CampaignDefinition,
  scorecard: Scorecard,
  origin: ScorecardOrigin,
  levelId?: string
): CampaignPromotionResponse {
  const { promoted, changes, level } = promoteCampaign(campaign, scorecard, levelId);
  const base = {
    campaignId: campaign.id,
    scorecardId: scorecard.id,
    source:
      origin.kind === 'file'
        ? { kind: 'file' as const, path: origin.path }
        : origin.kind === 'config'
        ? { kind: 'config' as const, path: origin.path }
        : { kind: 'shipped' as const },
    ...(level ? { level } : {}),
    levels: scorecard.levels.map(l => ({ id: l.id, title: l.title })),
    changes: changes.map(c => c.text),
  };
  if (origin.kind === 'file') {
    const before = readFileSync(resolve(origin.path), 'utf8');
    const after = editScorecardFile(before, origin.index, changes);
    return {
      ...base,
      file: origin.path,
      diff: changes.length ? patch(`a/${origin.path}`, `b/${origin.path}`, before, after) : '',
      followUp: [],
    };
  }
  const file = `scorecards/${scorecard.id}.yaml`;
  const followUp =
    origin.kind === 'config'
      ? [
          `Add ${file} to opsfolio.scorecards.files and remove ${origin.path}: the file holds the whole scorecard, promoted.`,
        ]
      : [`Add ${file} to opsfolio.scorecards.files: its scorecard replaces the shipped one with the same id.`];
  const text = `# ${scorecard.title}, with the campaign "${campaign.title}" promoted into it.\n${stringify(promoted, {
    lineWidth: 0,
  })}`;
  return {
    ...base,
    file,
    diff: changes.length ? patch('/dev/null', `b/${file}`, '', text) : '',
    followUp: changes.length ? followUp : [],
  };
}
