import { Cell, type ColumnConfig } from '@backstage/ui';
import type { CampaignProgressResponse } from '@opsfolio/backstage-plugin-common';
import { useMemo } from 'react';
import { OpsfolioTable } from '../components/OpsfolioTable';
import { CheckFix } from '../scorecards/CheckFix';
import { useOpsfolioText } from '../translation/useOpsfolioText';

type Check = CampaignProgressResponse['checks'][number];
type CheckRow = Check & { id: string };

/** How each campaign check fares across the campaign's entities, and how to fix it. */
export function CampaignChecksTable(props: { checks: Check[] }) {
  const { t } = useOpsfolioText();
  const rows = useMemo(() => props.checks.map(check => ({ ...check, id: check.checkId })), [props.checks]);
  const columns = useMemo(
    (): ColumnConfig<CheckRow>[] => [
      {
        id: 'check',
        label: t('campaigns.detail.checks.check'),
        isRowHeader: true,
        defaultWidth: '1.5fr',
        cell: check => <Cell>{check.title}</Cell>,
      },
      { id: 'level', label: t('campaigns.detail.checks.level'), cell: check => <Cell>{check.level}</Cell> },
      { id: 'passing', label: t('campaigns.detail.checks.passing'), cell: check => <Cell>{check.passing}</Cell> },
      { id: 'failing', label: t('campaigns.detail.checks.failing'), cell: check => <Cell>{check.failing}</Cell> },
      { id: 'exempt', label: t('campaigns.detail.checks.exempt'), cell: check => <Cell>{check.exempt}</Cell> },
      {
        id: 'fix',
        label: t('campaigns.detail.checks.fix'),
        defaultWidth: '3fr',
        cell: check => (
          <Cell textValue={check.fix.text}>
            <CheckFix fix={check.fix} />
          </Cell>
        ),
      },
    ],
    [t]
  );
  return (
    <div data-testid="opsfolio-campaign-checks">
      <OpsfolioTable
        columnConfig={columns}
        data={rows}
        rowAttributes={item => ({ 'data-testid': 'opsfolio-campaign-check', 'data-check': item.checkId })}
      />
    </div>
  );
}
