import type { Command } from 'commander';

/** Where the running service is and who asks: flags first, then PLANLEDGER_URL / PLANLEDGER_TOKEN. */
export interface ServiceFlags {
  url?: string;
  token?: string;
}

export const addServiceOptions = (command: Command): Command =>
  command
    .option('--url <url>', 'the running service (default: PLANLEDGER_URL, else http://localhost:3000)')
    .option('--token <token>', 'a planner token (default: PLANLEDGER_TOKEN)');

export class ServiceCallError extends Error {}

/** Calls the service; answers its JSON, or throws ServiceCallError with a message fit for stderr. */
export async function callService(flags: ServiceFlags, method: 'GET' | 'POST', path: string, body?: { type: string; text: string }): Promise<unknown> {
  const url = (flags.url ?? process.env.PLANLEDGER_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  const token = flags.token ?? process.env.PLANLEDGER_TOKEN;
  if (!token) throw new ServiceCallError('no token: pass --token or set PLANLEDGER_TOKEN (e.g. export PLANLEDGER_TOKEN=$(npx planledger token create --role planner --name 张三))');
  let response: Response;
  try {
    response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body && { 'content-type': body.type }) },
      body: body?.text,
    });
  } catch (error) {
    throw new ServiceCallError(`cannot reach the service at ${url} (${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message}): is it running? Set --url or PLANLEDGER_URL`);
  }
  const text = await response.text();
  let answer: unknown = text;
  try {
    answer = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the message
  }
  if (!response.ok) throw new ServiceCallError(`${method} ${path}: HTTP ${response.status}\n${describeError(answer)}`);
  return answer;
}

/** The service's error body as lines: each located plan problem, each request problem, or the message. */
function describeError(answer: unknown): string {
  if (typeof answer !== 'object' || answer === null) return String(answer);
  const body = answer as { message?: string; problems?: { text?: string; path?: string; message?: string }[] };
  if (body.problems) return body.problems.map((p) => p.text ?? `${p.path}  ${p.message}`).join('\n');
  return body.message ?? JSON.stringify(answer);
}

/** Downloads a file from the service (a bulletin's .docx or .xlsx): its bytes, or ServiceCallError. */
export async function downloadFromService(flags: ServiceFlags, path: string): Promise<Buffer> {
  const url = (flags.url ?? process.env.PLANLEDGER_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  const token = flags.token ?? process.env.PLANLEDGER_TOKEN;
  if (!token) throw new ServiceCallError('no token: pass --token or set PLANLEDGER_TOKEN');
  let response: Response;
  try {
    response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  } catch (error) {
    throw new ServiceCallError(`cannot reach the service at ${url} (${(error as Error).message})`);
  }
  if (!response.ok) throw new ServiceCallError(`GET ${path}: HTTP ${response.status}\n${await response.text()}`);
  return Buffer.from(await response.arrayBuffer());
}

/** Prints a service call's answer as JSON; a refused call prints its message and sets exit code 1. */
export function printServiceAnswer(work: () => Promise<unknown>): Promise<void> {
  return work().then(
    (answer) => {
      process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
    },
    (error: unknown) => {
      if (!(error instanceof ServiceCallError)) throw error;
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    },
  );
}
