import type { SendResult } from './sender';

/** WeCom and DingTalk answer HTTP 200 with `{errcode, errmsg}`; errcode 0 is success. */
export interface RobotAnswerCodes {
  name: string;
  rateLimited: ReadonlySet<number>;
  retryAfterMs: number;
  /** Codes that no retry can fix (bad key, disabled robot, refused signature, bad message). */
  permanent: ReadonlySet<number>;
}

export async function readRobotAnswer(response: Response, codes: RobotAnswerCodes): Promise<SendResult> {
  const text = await response.text();
  if (!response.ok) {
    const retryable = response.status >= 500 || response.status === 429 || response.status === 408;
    return { outcome: 'failed', retryable, error: `${codes.name}: HTTP ${response.status} ${text.slice(0, 200)}` };
  }
  let answer: { errcode?: unknown; errmsg?: unknown };
  try {
    answer = JSON.parse(text);
  } catch {
    return { outcome: 'failed', retryable: true, error: `${codes.name}: answer is not JSON: ${text.slice(0, 200)}` };
  }
  const code = Number(answer.errcode);
  const message = `${codes.name} errcode ${answer.errcode}: ${String(answer.errmsg ?? '')}`;
  if (code === 0) return { outcome: 'sent', detail: `${codes.name} errcode 0` };
  if (codes.rateLimited.has(code)) return { outcome: 'rate-limited', retryAfterMs: codes.retryAfterMs, error: message };
  return { outcome: 'failed', retryable: !codes.permanent.has(code), error: message };
}
