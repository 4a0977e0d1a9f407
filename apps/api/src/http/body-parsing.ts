import type { NextFunction, Response } from 'express';
import { isJsonMediaType, mediaTypeOf, type ApiRequest } from './api-request';

/** Plans of county scale with their departments file stay far below this; anything larger is a mistake. */
export const BODY_LIMIT = '5mb';

/**
 * Read as text first (JSON, YAML, plain text), so that a plan keeps the exact text its error
 * locations refer to, and YAML needs no parser of its own.
 */
export const TEXT_BODY_TYPES = ['application/json', 'application/*+json', 'application/yaml', 'application/x-yaml', 'text/*'];

/**
 * Turns a JSON text body into `req.body`. A parse failure is remembered, not thrown: JSON routes
 * answer 400 with the parser's message; plan import hands the text to the plan parser, which
 * reports line and column.
 */
export function parseJsonText(req: ApiRequest, _res: Response, next: NextFunction): void {
  if (typeof req.body === 'string') {
    req.rawText = req.body;
    if (isJsonMediaType(mediaTypeOf(req))) {
      try {
        req.body = req.body.trim().length === 0 ? undefined : JSON.parse(req.body);
      } catch (error) {
        req.jsonError = (error as Error).message;
        req.body = undefined;
      }
    }
  }
  next();
}
