export interface Config {
  opsfolio?: {
    cost?: {
      /** FOCUS 1.x cost exports (CSV, optionally gzipped) from any cloud that writes them. */
      focus?: {
        /**
         * Where the exports are. Each entry is its own cost source: `focus` for a single entry without
         * an id, else `focus-<id>` (its schedule: `opsfolio.sources.<source id>.schedule`).
         */
        exports: Array<{
          /**
           * A local file, a local directory (every `*.csv` and `*.csv.gz` under it, recursively), or a
           * URL that Backstage's UrlReader can read (an `integrations` entry or `backend.reading.allow`).
           * Local paths are relative to the backend's working directory.
           */
          location: string;
          /** Letters, digits, `-` and `_`; required when there are several exports. */
          id?: string;
        }>;
        /** The FOCUS column summed: `EffectiveCost` (default, amortised), `BilledCost` (invoiced) or any other. */
        costColumn?: string;
        /**
         * The `ChargeCategory` values that count (default all: Usage, Purchase, Tax, Credit, Adjustment).
         * Leaving out Tax or Credit makes the figures differ from the bill.
         */
        chargeCategories?: Array<'Usage' | 'Purchase' | 'Tax' | 'Credit' | 'Adjustment'>;
        /**
         * The share of a file's rows (0 to 1, default 0.01) that may be malformed and left out. A file with
         * more fails the run: nothing is replaced, the previous import is kept, and the run says why.
         */
        maxMalformedShare?: number;
      };
    };
  };
}
