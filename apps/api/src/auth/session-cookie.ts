import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'planledger_session';

type Headers = { headers: Record<string, string | string[] | undefined> };

/** The session cookie's value, if the request carries one (the Cookie header parsed by hand: one cookie, no dependency). */
export function sessionCookieOf(req: Headers): string | undefined {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/** Secure when the service is reached over https: PUBLIC_URL says so, or the request came over TLS. */
export const isHttps = (req: Pick<Request, 'protocol'>, publicUrl: string | undefined): boolean =>
  publicUrl ? publicUrl.startsWith('https:') : req.protocol === 'https';

/**
 * httpOnly (no script reads it), SameSite=Lax (not sent on cross-site POSTs), Path=/ (the app under
 * /app and the API at the root share it), Secure over https. Max-Age is the absolute limit; the
 * server ends it earlier when idle.
 */
export function setSessionCookie(res: Response, token: string, secure: boolean, maxAgeSeconds: number): void {
  res.append('Set-Cookie', `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`);
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.append('Set-Cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? '; Secure' : ''}`);
}

/** The service's own origin: PUBLIC_URL's, else the one the request was addressed to. */
export function ownOrigin(req: Pick<Request, 'protocol'> & Headers, publicUrl: string | undefined): string {
  if (publicUrl) return new URL(publicUrl).origin;
  return `${req.protocol}://${String(req.headers.host ?? '')}`;
}

/** The origin a browser says the request comes from: Origin, else Referer's origin; undefined when neither is usable. */
export function requestOrigin(req: Headers): string | undefined {
  const origin = req.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') return origin;
  const referer = req.headers.referer;
  if (typeof referer !== 'string') return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

/** Strict check for cookie-authenticated state changes: the origin must be sent, and be ours. */
export const isSameOrigin = (req: Pick<Request, 'protocol'> & Headers, publicUrl: string | undefined): boolean =>
  requestOrigin(req) === ownOrigin(req, publicUrl);

export const isStateChanging = (method: string): boolean => !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
