import type { BulletinNotice, Locale, NotificationFacts, RenderedMessage } from '../notification';
import { formatDue } from './format-instant';

export interface RenderOptions {
  locale: Locale;
  /** PUBLIC_URL: when set, messages link to the item in the web app. */
  publicUrl?: string;
}

/** A message's parts before they are shaped for a channel: a heading, lines, a link. */
export interface MessageParts {
  title: string;
  lines: string[];
  link?: { label: string; url: string; line: string };
}

/** `${PUBLIC_URL}/app/assignments/<planId>.<assignmentId>` (the web app's deep link: the plan-qualified ref, since assignment ids are unique only per plan), or the inbox for plan and phase news. */
export function linkOf(facts: NotificationFacts, publicUrl: string | undefined): string | undefined {
  if (!publicUrl) return undefined;
  const base = publicUrl.replace(/\/+$/, '');
  // A bulletin's notice links to its .docx through the download route (which records the download).
  if (facts.bulletin) return `${base}/plans/${encodeURIComponent(facts.planId)}/bulletins/${encodeURIComponent(facts.bulletin.file)}`;
  return facts.assignmentId ? `${base}/app/assignments/${encodeURIComponent(`${facts.planId}.${facts.assignmentId}`)}` : `${base}/app/inbox`;
}

/** Short messages, Chinese by default; English per recipient. */
export function messageParts(facts: NotificationFacts, options: RenderOptions): MessageParts {
  const zh = options.locale === 'zh-CN';
  const due = (at: string | undefined) => (at ? formatDue(at, facts.timeZone, options.locale) : '');
  const t = facts.title ?? '';
  const holder = facts.holderName ?? facts.holderId ?? '';
  const dueLine = facts.dueAt ? [zh ? `截止时间：${due(facts.dueAt)}` : `Due: ${due(facts.dueAt)}`] : [];
  const planLine = zh ? `计划：${facts.planTitle}` : `Plan: ${facts.planTitle}`;
  let title: string;
  let lines: string[];
  switch (facts.kind) {
    case 'assignment-issued':
      title = zh ? `【新任务】${t}` : `New assignment: ${t}`;
      lines = [zh ? `${facts.recipientName}：请按时完成「${t}」。` : `${facts.recipientName}: please complete "${t}".`, ...dueLine, planLine];
      break;
    case 'reminder-due':
      title = zh ? `【到期提醒】${t}` : `Due in ${facts.daysBefore} day${facts.daysBefore === 1 ? '' : 's'}: ${t}`;
      lines = [zh ? `「${t}」距截止还有${facts.daysBefore}天。` : `"${t}" is due in ${facts.daysBefore} day${facts.daysBefore === 1 ? '' : 's'}.`, ...dueLine, planLine];
      break;
    case 'overdue':
      title = zh ? `【已逾期】${t}` : `Overdue: ${t}`;
      lines = [zh ? `「${t}」已超过截止时间，请尽快办理并提交。` : `"${t}" is past its deadline: please complete and submit it.`, ...dueLine, planLine];
      break;
    case 'escalated':
      title = zh ? `【督办】${t}` : `Escalated: ${t}`;
      lines = [
        zh ? `${holder}的「${t}」已逾期${facts.daysOverdue}天，已升级为第${facts.level}级督办。` : `"${t}" of ${holder} is ${facts.daysOverdue} days overdue and was escalated (level ${facts.level}).`,
        ...dueLine, planLine,
      ];
      break;
    case 'submitted':
      title = zh ? `【待审核】${t}` : `To review: ${t}`;
      lines = [zh ? `${holder}已提交「${t}」，请审核。` : `${holder} submitted "${t}" for your review.`, ...(facts.note ? [zh ? `说明：${facts.note}` : `Note: ${facts.note}`] : []), ...dueLine, planLine];
      break;
    case 'returned':
      title = zh ? `【退回修改】${t}` : `Returned: ${t}`;
      lines = [zh ? `「${t}」被退回修改。` : `"${t}" was returned for rework.`, zh ? `原因：${facts.reason}` : `Reason: ${facts.reason}`, ...dueLine, planLine];
      break;
    case 'accepted':
      title = zh ? `【已通过】${t}` : `Accepted: ${t}`;
      lines = [zh ? `「${t}」已审核通过。` : `"${t}" was accepted.`, ...(facts.note ? [zh ? `意见：${facts.note}` : `Note: ${facts.note}`] : []), ...dueLine, planLine];
      break;
    case 'phase-opened':
      title = zh ? `【阶段开始】${facts.phaseName}` : `Phase opened: ${facts.phaseName}`;
      lines = [zh ? `「${facts.phaseName}」已开始，贵单位在本阶段承担任务。` : `"${facts.phaseName}" has opened; your unit has work in it.`, ...(facts.closesAt ? [zh ? `阶段结束：${due(facts.closesAt)}` : `Closes: ${due(facts.closesAt)}`] : []), planLine];
      break;
    case 'phase-closing':
      title = zh ? `【阶段收尾】${facts.phaseName}` : `Phase closing: ${facts.phaseName}`;
      lines = [zh ? `「${facts.phaseName}」进入收尾，请按时提交总结材料。` : `"${facts.phaseName}" is closing: summaries are due before it ends.`, ...(facts.closesAt ? [zh ? `阶段结束：${due(facts.closesAt)}` : `Closes: ${due(facts.closesAt)}`] : []), planLine];
      break;
    case 'phase-closed':
      title = zh ? `【阶段结束】${facts.phaseName}` : `Phase closed: ${facts.phaseName}`;
      lines = [zh ? `「${facts.phaseName}」已结束。` : `"${facts.phaseName}" has closed.`, planLine];
      break;
    case 'plan-published': {
      title = zh ? `【计划发布】${facts.planTitle}` : `Plan published: ${facts.planTitle}`;
      const items = (facts.items ?? []).map((i) => (zh ? `- ${i.title}（截止 ${due(i.dueAt)}）` : `- ${i.title} (due ${due(i.dueAt)})`));
      const more = (facts.itemCount ?? 0) - (facts.items?.length ?? 0);
      lines = [zh ? `贵单位承担${facts.itemCount}项任务：` : `Your unit has ${facts.itemCount} assignment${facts.itemCount === 1 ? '' : 's'}:`, ...items, ...(more > 0 ? [zh ? `……另有${more}项` : `… and ${more} more`] : [])];
      break;
    }
    case 'plan-amended': {
      title = zh ? `【计划调整】${facts.planTitle}` : `Plan amended: ${facts.planTitle}`;
      const c = facts.changes ?? { added: [], removed: [], redated: [] };
      lines = [
        zh ? `第${facts.amendment}次调整，原因：${facts.reason}` : `Amendment ${facts.amendment}: ${facts.reason}`,
        ...c.added.map((i) => (zh ? `新增：${i.title}（截止 ${due(i.dueAt)}）` : `Added: ${i.title} (due ${due(i.dueAt)})`)),
        ...c.removed.map((i) => (zh ? `取消：${i.title}` : `Cancelled: ${i.title}`)),
        ...c.redated.map((i) => (zh ? `改期：${i.title}，${due(i.fromDueAt)} → ${due(i.toDueAt)}` : `Re-dated: ${i.title}, ${due(i.fromDueAt)} → ${due(i.toDueAt)}`)),
      ];
      break;
    }
    case 'bulletin-issued': {
      const b = facts.bulletin!;
      title = zh ? `【通报】${b.title}` : `Bulletin: ${b.title}`;
      lines = [
        zh ? `${facts.recipientName}：已印发${b.number}《${b.title}》。` : `${facts.recipientName}: bulletin ${b.number} "${b.title}" was issued.`,
        zh ? `统计范围：${periodText(b.period, true)}` : `Period: ${periodText(b.period, false)}`,
        zh ? `成文日期：${b.issuedOn}` : `Dated: ${b.issuedOn}`,
        planLine,
      ];
      break;
    }
  }
  const url = linkOf(facts, options.publicUrl);
  const label = facts.kind === 'bulletin-issued' ? (zh ? '下载通报' : 'Download') : zh ? '查看详情' : 'Open';
  return { title, lines, ...(url && { link: { label, url, line: `${label}${zh ? '：' : ': '}${url}` } }) };
}

/** A bulletin's period in words: the whole plan, a phase by name, or a date window. */
function periodText(period: BulletinNotice['period'], zh: boolean): string {
  if (period.kind === 'plan') return zh ? '计划全程' : 'the whole plan';
  if (period.kind === 'phase') return period.phaseName ?? period.phaseId;
  return zh ? `${period.from} 至 ${period.to}` : `${period.from} to ${period.to}`;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The parts in every channel's shape: plain text, robot markdown, e-mail HTML. */
export function shapeMessage(parts: MessageParts): RenderedMessage {
  const { title, lines, link } = parts;
  return {
    title,
    text: [title, ...lines, ...(link ? [link.line] : [])].join('\n'),
    markdown: [`### ${title}`, ...lines.map((l) => (l.startsWith('- ') ? l : `> ${l}`)), ...(link ? [`[${link.label}](${link.url})`] : [])].join('\n'),
    html: `<h3>${escapeHtml(title)}</h3>\n${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}${link ? `\n<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>` : ''}`,
  };
}

export const renderMessage = (facts: NotificationFacts, options: RenderOptions): RenderedMessage => shapeMessage(messageParts(facts, options));
