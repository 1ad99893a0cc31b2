export interface Config {
  opsfolio?: {
    pagerduty?: {
      /** REST API base URL (default https://api.pagerduty.com; EU: https://api.eu.pagerduty.com). */
      baseUrl?: string;
      /**
       * A REST API key (read-only is enough), sent as `Authorization: Token token=...`.
       * @visibility secret
       */
      token: string;
      /** How far back incidents are read on the first sync, in days (default 90). */
      incidentDays?: number;
    };
  };
}
