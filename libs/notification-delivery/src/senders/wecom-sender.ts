import type { OpenChannel } from '../channels/channel-store';
import { readRobotAnswer, type RobotAnswerCodes } from './robot-answer';
import { networkFailure, sendSignal, truncateBytes, type ChannelSender, type OutboundMessage, type SendResult } from './sender';

/**
 * WeCom (企业微信) group robot: POST {msgtype: markdown} to its webhook address. 45009: over 20 a
 * minute, try again in a minute; 93000 (bad webhook address), 93004 (robot removed), 40008/40058
 * (bad message) cannot be fixed by retrying. Markdown content is limited to 4,096 bytes.
 */
export const WECOM_CODES: RobotAnswerCodes = {
  name: 'WeCom',
  rateLimited: new Set([45009]),
  retryAfterMs: 60_000,
  permanent: new Set([93000, 93004, 93008, 40008, 40058, 44004]),
};
export const WECOM_MARKDOWN_MAX_BYTES = 4096;

export class WecomSender implements ChannelSender {
  async send(channel: OpenChannel, message: OutboundMessage, signal?: AbortSignal): Promise<SendResult> {
    if (channel.full.kind !== 'wecom') throw new Error(`channel ${channel.channelId} is ${channel.full.kind}, not wecom`);
    const url = channel.full.webhookUrl;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ msgtype: 'markdown', markdown: { content: truncateBytes(message.rendered.markdown, WECOM_MARKDOWN_MAX_BYTES) } }),
        signal: sendSignal(signal),
      });
      return await readRobotAnswer(response, WECOM_CODES);
    } catch (error) {
      return networkFailure(url, error);
    }
  }
}
