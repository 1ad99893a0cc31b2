export interface Config {
  opsfolio?: {
    opsgenie?: {
      /** API base URL (default https://api.opsgenie.com; EU: https://api.eu.opsgenie.com). */
      baseUrl?: string;
      /**
       * An API key with read access, sent as `Authorization: GenieKey ...`.
       * @visibility secret
       */
      token: string;
      /** How far back alerts are read on the first sync, in days (default 90). */
      incidentDays?: number;
    };
  };
}
