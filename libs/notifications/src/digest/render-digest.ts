import type { Locale, NotificationFacts, RenderedMessage } from '../notification';
import { formatDay } from '../render/format-instant';
import { linkOf, messageParts, shapeMessage } from '../render/render-message';

export interface DigestOptions {
  locale: Locale;
  publicUrl?: string;
  /** The digest's moment and the zone its day is named in. */
  at: string;
  zone: string;
}

/** 每日待办汇总: the day's notifications as one message, each as its heading and first line. */
export function renderDigest(items: readonly NotificationFacts[], options: DigestOptions): RenderedMessage {
  const zh = options.locale === 'zh-CN';
  const day = formatDay(options.at, options.zone, options.locale);
  const title = zh ? `每日待办汇总 ${day}` : `Daily summary, ${day}`;
  const lines = [zh ? `共${items.length}条：` : `${items.length} item${items.length === 1 ? '' : 's'}:`];
  items.forEach((facts, index) => {
    const parts = messageParts(facts, { locale: options.locale });
    const url = linkOf(facts, options.publicUrl);
    lines.push(`${index + 1}. ${parts.title}${parts.lines[0] ? ` — ${parts.lines[0]}` : ''}${url ? ` ${url}` : ''}`);
  });
  const inbox = options.publicUrl ? `${options.publicUrl.replace(/\/+$/, '')}/app/inbox` : undefined;
  return shapeMessage({ title, lines, ...(inbox && { link: zh ? { label: '打开待办', url: inbox, line: `打开待办：${inbox}` } : { label: 'Open inbox', url: inbox, line: `Open inbox: ${inbox}` } }) });
}
