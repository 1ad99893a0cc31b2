import { CustomErrorBase, InputError } from '@backstage/errors';
import express, { type Request, type Response } from 'express';

const LIMIT = '5mb';
const parse = express.json({ limit: LIMIT });

/** 415: a body the route cannot read. Backstage's error middleware sends the status given here. */
class UnsupportedMediaTypeError extends CustomErrorBase {
  override name = 'UnsupportedMediaTypeError';
  statusCode = 415;
}

class PayloadTooLargeError extends CustomErrorBase {
  override name = 'PayloadTooLargeError';
  statusCode = 413;
}

/**
 * The body of a push: JSON in UTF-8, at most 5 MB. Anything else gets a status and a sentence that says
 * what to send, instead of body-parser's own wording or an empty body read as "deployments: required".
 * Read after the caller is authenticated, so an anonymous caller learns nothing about the body's rules.
 */
export async function readJsonBody(req: Request, res: Response): Promise<unknown> {
  if (!req.is('application/json')) {
    throw new UnsupportedMediaTypeError(`Send the body as JSON with Content-Type: application/json (got ${req.headers['content-type'] ?? 'none'})`);
  }
  await new Promise<void>((resolve, reject) =>
    parse(req, res, (error?: any) => {
      if (!error) resolve();
      else if (error.type === 'entity.parse.failed') reject(new InputError(`The body is not valid JSON: ${error.message}`));
      else if (error.type === 'entity.too.large') reject(new PayloadTooLargeError(`The body is over ${LIMIT}; send fewer events per request`));
      else if (error.type === 'charset.unsupported' || error.type === 'encoding.unsupported') {
        reject(new UnsupportedMediaTypeError(`Send the body as UTF-8 JSON without content encoding (${error.message})`));
      } else reject(error);
    }),
  );
  return req.body;
}
