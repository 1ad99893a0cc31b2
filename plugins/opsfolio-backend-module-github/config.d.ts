export interface Config {
  opsfolio?: {
    deployments?: {
      github?: {
        /**
         * Lead time needs the commits of each production deploy (one compare call each); this caps those
         * calls per sync run so a first sync of a busy organisation stays within the rate limit (default 1000).
         */
        maxCompareCallsPerRun?: number;
        /** Lead time is read for production deploys of the last this many days (default 90). */
        leadTimeDays?: number;
        /** Deployments read per repository on the first sync, newest first (default 1000). */
        maxDeploymentsPerRepo?: number;
      };
    };
  };
}
