import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { opsfolioTranslationRef } from '@opsfolio/backstage-plugin/alpha';

/** The demo's sample German: navigation, freshness, sync and empty-state texts. */
export default createTranslationMessages({
  ref: opsfolioTranslationRef,
  messages: {
    'common.age.never': 'nie',
    'common.age.justNow': 'gerade eben',
    'common.navigation.deployments': 'Deployments',
    'common.navigation.cost': 'Kosten',
    'common.navigation.readiness': 'Betriebsreife',
    'common.navigation.ownership': 'Zuständigkeit',
    'common.csv.download': 'CSV herunterladen',
    'common.csv.failed': 'CSV konnte nicht geladen werden: {{error}}',
    'common.freshness.synced': 'Synchronisiert {{age}}',
    'common.freshness.failed':
      'Synchronisierung von {{source}} {{failedAgo}} fehlgeschlagen; angezeigt werden Daten von {{lastGood}}',
    'common.sync.firstSyncRunning': 'Erste Synchronisierung von {{source}} läuft',
    'common.sync.syncing': 'Synchronisiere {{source}}',
    'common.sync.doneOfTotal': '{{done, number}} von {{total, number}} {{unit}}',
    'common.sync.waitingFor': 'Warte auf die erste Synchronisierung von {{source}}',
    'common.runDetails.rowsRead_one': '{{count, number}} Zeile gelesen',
    'common.runDetails.rowsRead_other': '{{count, number}} Zeilen gelesen',
    'common.runDetails.noneLeftOut': 'keine ausgelassen',
    'common.runDetails.leftOut': '{{count, number}} ausgelassen',
    'common.runDetails.daysReplaced': 'Tage {{days}} ersetzt',
    'common.runDetails.dayRange': '{{from}} bis {{to}}',
    'common.waiting.unknownTitle': 'Noch keine Daten',
    'common.emptyState.addAnnotation': 'Füge {{names}} zur {{file}} dieser Entität hinzu.',
    'common.emptyState.or': ' oder ',
  },
});
