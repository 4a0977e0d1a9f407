import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request a receiver took, as it arrived. */
export interface Received {
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  json: Record<string, unknown>;
}

/** What a receiver answers next: `handle` returns status and body, or undefined for the default success. */
export type Answer = { status: number; body: unknown; headers?: Record<string, string> } | undefined;

/** A local HTTP endpoint on a free port; `down()` closes it (connection refused) and `up()` reopens it on the same port. */
export class LocalReceiver {
  /** Requests the endpoint accepted (a message delivered). */
  readonly received: Received[] = [];
  /** Requests it answered with an error (HTTP or errcode). */
  readonly refused: Received[] = [];
  private server: Server | undefined;
  port = 0;
  /** Answers queued by a test, taken one per request before `handle`. */
  readonly queued: Answer[] = [];
  /** A slow endpoint: answers this long after the request arrived (the request counts as received on arrival). */
  answerDelayMs = 0;

  constructor(private readonly handle: (request: Received) => Answer, private readonly success: unknown) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async up(): Promise<this> {
    this.server = createServer((req, res) => this.onRequest(req, res));
    this.server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://receiver');
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(body);
      } catch {
        // kept as text
      }
      const request: Received = { path: url.pathname, query: url.searchParams, headers: req.headers, body, json };
      const answer = this.queued.shift() ?? this.handle(request);
      (answer ? this.refused : this.received).push(request);
      const reply = () => {
        if (res.destroyed) return;
        res.writeHead(answer?.status ?? 200, { 'content-type': 'application/json', ...answer?.headers });
        res.end(JSON.stringify(answer?.body ?? this.success));
      };
      if (this.answerDelayMs > 0) setTimeout(reply, this.answerDelayMs);
      else reply();
    });
  }
}

/** WeCom's group robot: POST /cgi-bin/webhook/send?key=KEY, {msgtype: markdown|text}; answers {errcode, errmsg}. `keys` may change during a test. */
export function wecomReceiver(keys: string | Set<string>): LocalReceiver {
  const valid = typeof keys === 'string' ? new Set([keys]) : keys;
  return new LocalReceiver((request) => {
    if (request.path !== '/cgi-bin/webhook/send' || !valid.has(request.query.get('key') ?? '')) return { status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url' } };
    const markdown = request.json.markdown as { content?: string } | undefined;
    if (request.json.msgtype !== 'markdown' || !markdown?.content) return { status: 200, body: { errcode: 40008, errmsg: 'invalid message type' } };
    if (Buffer.byteLength(markdown.content, 'utf8') > 4096) return { status: 200, body: { errcode: 40058, errmsg: 'markdown.content exceed max length 4096' } };
    return undefined;
  }, { errcode: 0, errmsg: 'ok' });
}
export const WECOM_RATE_LIMITED: Answer = { status: 200, body: { errcode: 45009, errmsg: 'api freq out of limit' } };

/**
 * DingTalk's custom robot: POST /robot/send?access_token=T&timestamp=MS&sign=S. Checks the token, that
 * the timestamp is within an hour of `now`, and the signature computed here independently of the sender.
 */
export function dingtalkReceiver(accessToken: string, secret: string, now: () => number = Date.now): LocalReceiver {
  return new LocalReceiver((request) => {
    if (request.path !== '/robot/send' || request.query.get('access_token') !== accessToken) return { status: 200, body: { errcode: 300001, errmsg: 'token is not exist' } };
    const timestamp = Number(request.query.get('timestamp'));
    if (!Number.isFinite(timestamp) || Math.abs(now() - timestamp) > 3_600_000) return { status: 200, body: { errcode: 310000, errmsg: 'invalid timestamp' } };
    // URLSearchParams has decoded the sign once, as DingTalk's server does.
    const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
    if (request.query.get('sign') !== expected) return { status: 200, body: { errcode: 310000, errmsg: 'sign not match' } };
    const markdown = request.json.markdown as { title?: string; text?: string } | undefined;
    if (request.json.msgtype !== 'markdown' || !markdown?.title || !markdown.text) return { status: 200, body: { errcode: 40035, errmsg: 'missing parameter' } };
    return undefined;
  }, { errcode: 0, errmsg: 'ok' });
}
export const DINGTALK_RATE_LIMITED: Answer = { status: 200, body: { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' } };

/** A bureau system: verifies each request with the standardwebhooks package's own verifier (400 when it fails). */
export function webhookReceiver(secret: string): LocalReceiver {
  const verifier = new Webhook(secret);
  return new LocalReceiver((request) => {
    try {
      verifier.verify(request.body, request.headers as Record<string, string>);
      return undefined;
    } catch (error) {
      return { status: 400, body: { error: (error as Error).message } };
    }
  }, { ok: true });
}

/** How many distinct messages, and the ids that arrived more than once. */
export function countById(received: readonly Received[], idOf: (r: Received) => string): { distinct: number; repeated: string[] } {
  const counts = new Map<string, number>();
  for (const r of received) counts.set(idOf(r), (counts.get(idOf(r)) ?? 0) + 1);
  return { distinct: counts.size, repeated: [...counts].filter(([, n]) => n > 1).map(([id]) => id) };
}
