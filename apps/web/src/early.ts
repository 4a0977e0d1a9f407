/**
 * The first page's data, asked for before the app's code has even loaded: main.tsx imports this
 * module first (it has no dependencies), so GET /session and GET /me/inbox travel in parallel with
 * the React, antd and page chunks instead of after them (issue 11). The API client (api/client.ts)
 * hands each early answer to the first matching GET, once; nothing else changes (a 401 is still a
 * 401 to the query that reads it). Only on the inbox page (/app/ or /app/inbox) is the inbox fetched;
 * only on a plan page its timeline and matrix.
 */
const early = new Map<string, Promise<Response>>();

function start(url: string): void {
  early.set(url, fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } }));
}

const path = window.location.pathname.replace(/\/+$/, '');
if (!path.startsWith('/app/sign-in') && !path.startsWith('/app/invitations/')) {
  start('/session');
  if (path === '/app' || path === '/app/inbox') {
    start('/me/inbox');
    // Signed out: the inbox's 401 must not answer the page shown after signing in.
    void early.get('/session')!.then((answer) => answer.ok || early.delete('/me/inbox'), () => early.delete('/me/inbox'));
  }
  // A plan page (issue 14): its timeline and the matrix's first page, exactly as the page asks for them.
  const plan = /^\/app\/plans\/([a-z0-9-]+)$/.exec(path);
  if (plan) {
    const urls = [`/progress/plans/${plan[1]}/timeline`, `/progress/plans/${plan[1]}/matrix?by=measure&sort=overdue&offset=0&limit=50`];
    for (const url of urls) start(url);
    void early.get('/session')!.then((answer) => answer.ok || urls.forEach((url) => early.delete(url)), () => urls.forEach((url) => early.delete(url)));
  }
}

/** Forgets every early request not yet taken (a POST such as signing in or out changes the answers). */
export function forgetEarly(): void {
  early.clear();
}

/** The early answer to GET `url` (path and query), if there is one not yet taken. */
export function takeEarly(url: string): Promise<Response> | undefined {
  const answer = early.get(url);
  early.delete(url);
  return answer;
}
