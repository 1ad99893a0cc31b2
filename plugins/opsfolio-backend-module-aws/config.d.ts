export interface Config {
  opsfolio?: {
    cost?: {
      /**
       * AWS Cost Explorer as a cost source. Credentials are not set here: they come from the `aws` block
       * (`aws.mainAccount`, `aws.accounts`, `aws.accountDefaults`; see @backstage/integration-aws-node)
       * or the AWS SDK's default chain. The identity needs `ce:GetCostAndUsage`.
       */
      aws?: {
        /** Cost Explorer endpoint URL; default the AWS one for the region (the demo points it at the simulator). */
        endpoint?: string;
        /** Signing region (default us-east-1; Cost Explorer is global and served from us-east-1). */
        region?: string;
        /** Read with this account's credentials from the `aws` block (e.g. the payer account); default the main account. */
        accountId?: string;
        /** AmortizedCost (default), NetAmortizedCost, UnblendedCost, NetUnblendedCost or BlendedCost. */
        metric?: 'AmortizedCost' | 'NetAmortizedCost' | 'UnblendedCost' | 'NetUnblendedCost' | 'BlendedCost';
        /** Months read on the first sync, 1 to 12 (default 6). */
        backfillMonths?: number;
        /** Attempts per request, throttling (LimitExceededException) and 5xx retried with backoff (default 5). */
        maxAttempts?: number;
        /** RECORD_TYPE values to leave out, e.g. [Credit, Refund, Tax] (default none: totals match the bill). */
        excludeRecordTypes?: string[];
        /**
         * A sync reads and stores one calendar month at a time; a month that needs more `GetCostAndUsage`
         * pages (requests) than this fails the run, naming the month (default 5000). The months before it
         * stay stored and the next run goes on from there.
         */
        maxPagesPerMonth?: number;
      };
    };
  };
}
