import type { Request } from 'express';

/** The client's address as Express sees it (behind a proxy, set Express's `trust proxy` so this is the client's, not the proxy's). */
export const clientAddressOf = (req: Pick<Request, 'ip' | 'socket'>): string => String(req.ip ?? req.socket?.remoteAddress ?? 'unknown');
