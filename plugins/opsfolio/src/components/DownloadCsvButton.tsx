import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { Button } from '@backstage/ui';
import { useState } from 'react';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { saveBlob } from './saveBlob';

/**
 * Downloads a CSV the backend builds (fetched with the user's token, hence not a plain link); a failure is
 * posted as an alert rather than breaking the page.
 */
export function DownloadCsvButton(props: { fetch: () => Promise<Blob>; fileName: string }) {
  const alertApi = useApi(alertApiRef);
  const { t } = useOpsfolioText();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      saveBlob(await props.fetch(), props.fileName);
    } catch (e) {
      alertApi.post({ message: t('common.csv.failed', { error: (e as Error).message }), severity: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="secondary" size="medium" isPending={busy} onPress={download}>
      {t('common.csv.download')}
    </Button>
  );
}
