import type { Request } from 'express';

/** What configure-http's middleware adds to each request. */
export interface ApiRequest extends Request {
  /** The body as sent, for yaml, json and text (a plan's error locations refer to this text). */
  rawText?: string;
  /** Set when a JSON body did not parse: routes that take JSON answer 400, plan import hands the text to the plan parser. */
  jsonError?: string;
}

export const CORRELATION_HEADER = 'x-correlation-id';

/** configure-http guarantees the header (the caller's, or a new one). */
export const correlationIdOf = (req: Request): string => {
  const value = req.headers[CORRELATION_HEADER];
  return typeof value === 'string' ? value : 'unknown';
};

/** The media type without parameters, lower case ("application/json; charset=utf-8" → "application/json"). */
export const mediaTypeOf = (req: Request): string => (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();

export const isJsonMediaType = (type: string): boolean => type === 'application/json' || type.endsWith('+json');
