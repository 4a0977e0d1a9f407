import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { renderMessage } from '@planledger/notifications';
import type { OpenChannel } from '../channels/channel-store';
import { factsFor } from '../testing/delivery-test-kit';
import { EmailSender } from './email-sender';

const channel = (address: string): OpenChannel => ({
  channelId: 'ch-00000000-0000-4000-8000-000000000000', departmentId: 'school-a', personId: 'li-principal', kind: 'email', label: 'mail', locale: 'zh-CN', digest: null,
  ratePerMinute: 600, settings: { address }, secretSet: true, enabled: true, createdAt: '2026-12-01T00:00:00.000Z', full: { kind: 'email', address },
});

describe('EmailSender through an in-process SMTP server (smtp-server)', () => {
  let server: SMTPServer;
  let port: number;
  const mails: { to: string[]; parsed: ParsedMail }[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        // A mailbox that does not exist: a permanent 550, as a real server answers.
        if (address.address.startsWith('nobody@')) return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream).then((parsed) => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), parsed });
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends one mail with a plain-text and an HTML part, the subject being the message title', async () => {
    const sender = new EmailSender(`smtp://127.0.0.1:${port}`, 'planledger <noreply@bureau.local>');
    const rendered = renderMessage(factsFor('mail-1.school-a.once'), { locale: 'zh-CN', publicUrl: 'https://plans.example.edu.cn' });
    const result = await sender.send(channel('li@school-a.local'), { id: 'n-mail-1', type: 'notification.reminder-due', rendered, data: {} });
    sender.close();
    expect(result).toMatchObject({ outcome: 'sent', detail: expect.stringMatching(/^SMTP 250/) });
    expect(mails).toHaveLength(1);
    const [{ to, parsed }] = mails;
    expect(to).toEqual(['li@school-a.local']);
    expect(parsed.subject).toBe('【到期提醒】任务 mail-1.school-a.once');
    expect(parsed.text).toContain('截止时间：2026年12月14日（星期一）23:59');
    expect(parsed.html).toContain('<a href="https://plans.example.edu.cn/app/assignments/notify-test.mail-1.school-a.once">查看详情</a>');
    expect(parsed.messageId).toBe('<n-mail-1@planledger>');
  });

  it('a mailbox that does not exist (550) is permanent; a server that does not answer is retried', async () => {
    const sender = new EmailSender(`smtp://127.0.0.1:${port}`, 'planledger <noreply@bureau.local>');
    const rendered = renderMessage(factsFor('mail-2.school-a.once'), { locale: 'en' });
    expect(await sender.send(channel('nobody@school-a.local'), { id: 'n-mail-2', type: 't', rendered, data: {} })).toMatchObject({ outcome: 'failed', retryable: false });
    sender.close();
    const down = new EmailSender('smtp://127.0.0.1:1', 'planledger <noreply@bureau.local>');
    expect(await down.send(channel('li@school-a.local'), { id: 'n-mail-3', type: 't', rendered, data: {} })).toMatchObject({ outcome: 'failed', retryable: true });
    down.close();
  });
});
