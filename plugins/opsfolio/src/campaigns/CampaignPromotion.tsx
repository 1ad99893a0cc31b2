import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { Box, Button, Flex, Text } from '@backstage/ui';
import type { CampaignPromotionResponse } from '@opsfolio/backstage-plugin-common';
import { type CSSProperties, useRef, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { OpsfolioCard } from '../components/OpsfolioCard';
import { OpsfolioSelect } from '../components/OpsfolioSelect';
import type { Palette } from '../components/palette';
import { saveBlob } from '../components/saveBlob';
import { usePalette } from '../components/usePalette';
import { useOpsfolioText } from '../translation/useOpsfolioText';

type Promotion = CampaignPromotionResponse;

/** The backend's 403: the user may read the campaign but not manage campaigns, which promoting needs. */
function isForbidden(error: Error): boolean {
  const e = error as Error & { statusCode?: number; response?: { status?: number }; cause?: { name?: string } };
  return (
    e.statusCode === 403 ||
    e.response?.status === 403 ||
    e.name === 'NotAllowedError' ||
    e.cause?.name === 'NotAllowedError'
  );
}

type LineKind = 'header' | 'hunk' | 'add' | 'remove' | 'context';

function lineKind(line: string): LineKind {
  if (line.startsWith('+++ ') || line.startsWith('--- ')) return 'header';
  if (line.startsWith('@@')) return 'hunk';
  if (line.startsWith('+')) return 'add';
  if (line.startsWith('-')) return 'remove';
  return 'context';
}

/**
 * Added and removed lines: the primary text on a faint wash of the tone (12%) with a bar of it on the left, so the
 * text keeps its full contrast in both themes; the sign says it too. Hunk headers are in the info tone, which reads
 * on the card at 4.5:1 or more.
 */
function lineStyle(palette: Palette, kind: LineKind): CSSProperties {
  const bar = (color: string): CSSProperties => ({ background: `${color}1f`, boxShadow: `inset 3px 0 0 ${color}` });
  switch (kind) {
    case 'add':
      return bar(palette.tone.good);
    case 'remove':
      return bar(palette.tone.bad);
    case 'hunk':
      return { color: palette.tone.info };
    case 'header':
      return { fontWeight: 'bold' };
    default:
      return {};
  }
}

/** The unified diff, one line a row, scrollable (and so focusable, for keyboard users). */
function DiffBlock(props: { diff: string; label: string }) {
  const palette = usePalette();
  const lines = props.diff.replace(/\n$/, '').split('\n');
  return (
    <pre
      data-testid="opsfolio-promotion-diff"
      role="region"
      aria-label={props.label}
      tabIndex={0}
      style={{
        margin: 0,
        maxHeight: 480,
        overflow: 'auto',
        padding: 'var(--bui-space-2) 0',
        border: '1px solid var(--bui-border-1)',
        borderRadius: 'var(--bui-radius-2)',
        fontFamily: 'var(--bui-font-monospace, monospace)',
        fontSize: 'var(--bui-font-size-2)',
        lineHeight: 1.5,
      }}
    >
      <code style={{ display: 'block', minWidth: 'max-content' }}>
        {lines.map((line, i) => {
          const kind = lineKind(line);
          return (
            <span
              // The diff never reorders: a line's index is its identity.
              key={i}
              data-kind={kind}
              style={{ display: 'block', padding: '0 var(--bui-space-3)', ...lineStyle(palette, kind) }}
            >
              {line || ' '}
            </span>
          );
        })}
      </code>
    </pre>
  );
}

/** Copy and "Download .patch": the diff as the backend wrote it, for `git apply`. */
function DiffActions(props: { promotion: Promotion }) {
  const alertApi = useApi(alertApiRef);
  const { t } = useOpsfolioText();
  const { promotion } = props;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(promotion.diff);
      alertApi.post({ message: t('campaigns.detail.promotion.copied'), severity: 'success', display: 'transient' });
    } catch (e) {
      alertApi.post({
        message: t('campaigns.detail.promotion.copyFailed', { error: (e as Error).message }),
        severity: 'error',
      });
    }
  };
  const download = () => {
    const level = promotion.level ? `-${promotion.level.id}` : '';
    saveBlob(
      new Blob([promotion.diff], { type: 'text/x-diff' }),
      `opsfolio-promotion-${promotion.campaignId}${level}.patch`
    );
  };
  return (
    <Flex gap="2">
      <Button variant="secondary" size="medium" onPress={copy}>
        {t('campaigns.detail.promotion.copy')}
      </Button>
      <Button variant="secondary" size="medium" onPress={download}>
        {t('campaigns.detail.promotion.download')}
      </Button>
    </Flex>
  );
}

function LineList(props: { lines: string[]; testId: string }) {
  return (
    <ul style={{ margin: 0, paddingLeft: 'var(--bui-space-5)' }}>
      {props.lines.map(line => (
        <li key={line} data-testid={props.testId}>
          <Text as="span">{line}</Text>
        </li>
      ))}
    </ul>
  );
}

const HEADING: CSSProperties = { marginBottom: 'var(--bui-space-2)' };

function PromotionBody(props: { promotion: Promotion }) {
  const { t } = useOpsfolioText();
  const { promotion } = props;
  const file = <code>{promotion.file}</code>;
  return (
    <Box>
      {promotion.changes.length > 0 && (
        <Box mb="4">
          <Text as="h3" variant="body-medium" weight="bold" style={HEADING}>
            {t('campaigns.detail.promotion.changes', { count: promotion.changes.length })}
          </Text>
          <LineList lines={promotion.changes} testId="opsfolio-promotion-change" />
        </Box>
      )}
      {promotion.diff ? (
        <Box mb="4">
          <Flex justify="between" align="center" gap="3" mb="2" style={{ flexWrap: 'wrap' }}>
            <Text as="p" data-testid="opsfolio-promotion-file">
              {promotion.source.kind === 'file'
                ? t('campaigns.detail.promotion.editsFile', { file })
                : t('campaigns.detail.promotion.addsFile', { file })}
            </Text>
            <DiffActions promotion={promotion} />
          </Flex>
          <DiffBlock diff={promotion.diff} label={t('campaigns.detail.promotion.diff', { file: promotion.file })} />
        </Box>
      ) : (
        <Text as="p" color="secondary" data-testid="opsfolio-promotion-nothing">
          {t('campaigns.detail.promotion.nothing')}
        </Text>
      )}
      {promotion.diff && promotion.followUp.length > 0 && (
        <Box>
          <Text as="h3" variant="body-medium" weight="bold" style={HEADING}>
            {t('campaigns.detail.promotion.followUp')}
          </Text>
          <LineList lines={promotion.followUp} testId="opsfolio-promotion-follow-up" />
        </Box>
      )}
    </Box>
  );
}

/**
 * On an ended campaign's page: what it asked for, made part of the standing scorecard as a pull-request-ready diff
 * of the scorecard's YAML (the backend writes no file). A check campaign picks the level its checks guard from now
 * on. Without `opsfolio.campaigns.manage` a note says so instead.
 */
export function CampaignPromotion(props: { campaignId: string }) {
  const api = useApi(opsfolioApiRef);
  const { t } = useOpsfolioText();
  const [level, setLevel] = useState<string>();
  const { value, loading, error } = useAsync(
    () => api.getCampaignPromotion(props.campaignId, level ? { level } : {}),
    [api, props.campaignId, level]
  );
  // useAsync keeps the last answer while another level loads: it stays, under a progress bar. The picker keeps the
  // levels of the last good answer, so that a level that fails to load can be changed back.
  const lastGood = useRef<Promotion>();
  if (value) lastGood.current = value;
  const levels = lastGood.current?.level ? lastGood.current : undefined;

  let body;
  if (error && !loading) {
    body = isForbidden(error) ? (
      <Text as="p" color="secondary" data-testid="opsfolio-promotion-not-allowed">
        {t('campaigns.detail.promotion.notAllowed')}
      </Text>
    ) : (
      <ResponseErrorPanel error={error} />
    );
  } else if (value) {
    body = (
      <>
        {loading && <Progress />}
        <PromotionBody promotion={value} />
      </>
    );
  } else body = <Progress />;

  const picker =
    levels?.level && levels.levels.length > 0 ? (
      <OpsfolioSelect
        label={t('campaigns.detail.promotion.level')}
        value={level ?? levels.level.id}
        choices={levels.levels.map(l => ({ value: l.id, label: l.title }))}
        onChange={choice => choice && setLevel(choice)}
        data-testid="opsfolio-promotion-level"
      />
    ) : undefined;

  return (
    <OpsfolioCard
      title={t('campaigns.detail.promotion.title')}
      subheader={t('campaigns.detail.promotion.subheader')}
      action={picker}
      data-testid="opsfolio-campaign-promotion"
    >
      {body}
    </OpsfolioCard>
  );
}
