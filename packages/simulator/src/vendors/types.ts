import type { Response, Router } from 'express';

export const VENDOR_NAMES = ['github', 'gitlab', 'pagerduty', 'opsgenie', 'aws'] as const;
export type VendorName = (typeof VENDOR_NAMES)[number];

/** One fake vendor API, mounted at `basePath` on the simulator's single port. */
export interface Vendor {
  name: VendorName;
  /** mount point; a client's base URL is http://host:port<basePath> */
  basePath: string;
  router: Router;
  /**
   * answer with this vendor's own error body and headers (used for 404s and injected faults); `errorType`
   * is a fault's vendor error name, for vendors that name their errors (AWS)
   */
  sendError(res: Response, status: number, message?: string, errorType?: string): void;
}
