/** Where a person opens an invitation: the web app's page (docs/decisions/0007), on PUBLIC_URL or http://localhost:PORT. */
export function invitationUrl(config: { PUBLIC_URL?: string; PORT?: number }, token: string): string {
  const base = (config.PUBLIC_URL ?? `http://localhost:${config.PORT ?? 3000}`).replace(/\/+$/, '');
  return `${base}/app/invitations/${token}`;
}
