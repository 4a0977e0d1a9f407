import { createHmac } from 'node:crypto';
import type { OpenChannel } from '../channels/channel-store';
import { readRobotAnswer, type RobotAnswerCodes } from './robot-answer';
import { networkFailure, sendSignal, truncateBytes, type ChannelSender, type OutboundMessage, type SendResult } from './sender';

/**
 * DingTalk's 加签: sign = urlencode(base64(HMAC-SHA256(key = secret, message = `${timestamp}\n${secret}`))),
 * timestamp in ms, accepted within an hour of DingTalk's clock.
 */
export function dingtalkSignature(timestampMs: number, secret: string): string {
  return encodeURIComponent(createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64'));
}

/** 130101: over 20 a minute; DingTalk then throttles the robot for 10 minutes. 310000: signature, keyword or IP refused; 300001/400101/410100: bad or disabled token. */
export const DINGTALK_CODES: RobotAnswerCodes = {
  name: 'DingTalk',
  rateLimited: new Set([130101]),
  retryAfterMs: 10 * 60_000,
  permanent: new Set([310000, 300001, 400101, 410100, 400102]),
};
export const DINGTALK_MARKDOWN_MAX_BYTES = 5000;

export class DingtalkSender implements ChannelSender {
  /** `now` is the wall clock: the signature must match DingTalk's clock, whatever the business clock says. */
  constructor(private readonly now: () => number = Date.now) {}

  async send(channel: OpenChannel, message: OutboundMessage, signal?: AbortSignal): Promise<SendResult> {
    if (channel.full.kind !== 'dingtalk') throw new Error(`channel ${channel.channelId} is ${channel.full.kind}, not dingtalk`);
    const timestamp = this.now();
    const url = `${channel.full.webhookUrl}${channel.full.webhookUrl.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${dingtalkSignature(timestamp, channel.full.signingSecret)}`;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ msgtype: 'markdown', markdown: { title: message.rendered.title, text: truncateBytes(message.rendered.markdown, DINGTALK_MARKDOWN_MAX_BYTES) } }),
        signal: sendSignal(signal),
      });
      return await readRobotAnswer(response, DINGTALK_CODES);
    } catch (error) {
      return networkFailure(channel.full.webhookUrl, error);
    }
  }
}
