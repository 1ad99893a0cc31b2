export { createVendorClient } from './client';
export { VendorHttpError } from './errors';
export type { VendorHttpErrorInit, VendorHttpErrorKind } from './errors';
export { paginateCursor, paginateLink, paginateOffset } from './pagination';
export type {
  VendorCursorPaginateOptions,
  VendorOffsetPaginateOptions,
  VendorPage,
  VendorPaginateOptions,
} from './pagination';
export type { VendorJitter } from './retryPolicy';
export type { VendorClientStats } from './stats';
export type {
  VendorClient,
  VendorClientOptions,
  VendorConditionalOptions,
  VendorHeaders,
  VendorHttpMethod,
  VendorNotModified,
  VendorRequestOptions,
  VendorResponse,
  VendorSchema,
} from './types';
export type { VendorQuery } from './url';
