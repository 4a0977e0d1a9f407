import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { CORRELATION_HEADER } from './api-request';

const ACCEPTABLE = /^[\w.-]{1,100}$/;

/**
 * The caller's X-Correlation-Id when it is sane, else a new one; written back onto the request
 * so that the pino logger (CoreModule reads the same header), the commands' metadata and the
 * error answers all carry one id, and echoed on the response.
 */
export function correlationId(req: Request, res: Response, next: NextFunction): void {
  const given = req.headers[CORRELATION_HEADER];
  const id = typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
  req.headers[CORRELATION_HEADER] = id;
  res.setHeader(CORRELATION_HEADER, id);
  next();
}
