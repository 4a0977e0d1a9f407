import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ConflictPersistsError } from '@planledger/engine';
import { EventIdConflictError, StoreUnavailableError } from '@planledger/event-store';
import { ApiError } from './api-errors';
import { correlationIdOf, type ApiRequest } from './api-request';

interface Answer {
  status: number;
  body: Record<string, unknown>;
  retryAfterSeconds?: number;
}

/** body-parser marks its errors with `type` and a 4xx `status`. */
const bodyParserFailure = (error: unknown): error is Error & { type: string; status: number } =>
  error instanceof Error && typeof (error as { type?: unknown }).type === 'string' && typeof (error as { status?: unknown }).status === 'number';

/** Nest's own HttpExceptions (unknown route, wrong method) in the api's shape. */
function fromHttpException(error: HttpException): Answer {
  const status = error.getStatus();
  const code = status === 404 ? 'not_found' : status === 405 ? 'method_not_allowed' : status === 429 ? 'rate_limited' : status >= 500 ? 'internal' : 'bad_request';
  return { status, body: { error: code, message: error.message } };
}

/** zlib's errors, which body-parser passes on with status 400 when a body does not decode as its Content-Encoding says. */
function undecodableBody(error: unknown): error is Error & { code: string; status: number } {
  const { code, status } = (error ?? {}) as { code?: unknown; status?: unknown };
  return error instanceof Error && typeof code === 'string' && /^(Z_|ERR_ZSTD|ERR_BROTLI|ERR__ERROR_FORMAT)/.test(code) && status === 400;
}

function answerFor(error: unknown, correlationId: string, contentEncoding?: string): Answer {
  if (error instanceof ApiError) return { status: error.getStatus(), body: error.body };
  // A lost database connection (failover, DBA, idle timeout): this request failed, the next may not.
  if (error instanceof StoreUnavailableError) return { status: 503, retryAfterSeconds: 1, body: { error: 'unavailable', message: 'the database is unavailable or lost the connection; try again' } };
  if (error instanceof ConflictPersistsError) return { status: 409, body: { error: 'conflict', message: 'the record kept changing under this command; try again' } };
  if (error instanceof EventIdConflictError) {
    // The same Idempotency-Key on another request than the one it first came with.
    return { status: 409, body: { error: 'idempotency_key_reused', message: 'this Idempotency-Key was already used for another request; send a new key' } };
  }
  if (undecodableBody(error)) {
    return { status: 400, body: { error: 'invalid_request', problems: [{ path: 'body', message: `the body is not valid ${contentEncoding ?? 'compressed data'} as its Content-Encoding header says: ${error.message}` }] } };
  }
  if (bodyParserFailure(error) && error.status < 500) {
    if (error.type === 'entity.too.large') return { status: 413, body: { error: 'payload_too_large', message: 'the body is larger than 5 MB' } };
    return { status: 400, body: { error: 'invalid_request', problems: [{ path: 'body', message: error.message }] } };
  }
  if (error instanceof HttpException && error.getStatus() < 500) return fromHttpException(error);
  return { status: 500, body: { error: 'internal', correlationId } };
}

/**
 * The only place an error becomes a response. Known errors keep their JSON body; everything
 * else is logged with its stack and answered with a bare 500 and the correlation id to quote.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('api');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<ApiRequest>();
    const res = http.getResponse<Response>();
    const correlationId = correlationIdOf(req);
    const answer = answerFor(error, correlationId, req.headers['content-encoding']);
    if (error instanceof StoreUnavailableError) {
      this.logger.warn({ correlationId, method: req.method, url: req.originalUrl, err: error }, error.message);
    } else if (answer.status >= 500) {
      this.logger.error({ correlationId, method: req.method, url: req.originalUrl, err: error }, (error as Error)?.stack ?? String(error));
    } else if (error instanceof ConflictPersistsError) {
      this.logger.warn({ correlationId, stream: error.stream }, error.message);
    }
    if (res.headersSent) return;
    if (answer.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(answer.retryAfterSeconds));
    res.status(answer.status).json(answer.body);
  }
}
