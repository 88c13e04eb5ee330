// Mail settings and the SMTP mailer: off without QINQING_SMTP_URL, a refused URL never shows its password, and a real SMTP conversation delivers the message.
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../env.ts';
import { createMailer } from './mailer.ts';

const base = { NODE_ENV: 'test', QINQING_DATA_DIR: '/tmp' };

/** A minimal SMTP server (no TLS, no auth) that keeps what it receives. */
function smtpServer(): Promise<{ port: number; received: Array<{ from: string; to: string[]; data: string }>; close(): Promise<void> }> {
  const received: Array<{ from: string; to: string[]; data: string }> = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let current = { from: '', to: [] as string[], data: '' };
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(current);
            current = { from: '', to: [], data: '' };
            socket.write('250 queued\r\n');
          } else current.data += `${line.startsWith('..') ? line.slice(1) : line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'MAIL') current.from = line.slice(10).trim();
        if (verb === 'RCPT') current.to.push(line.slice(8).trim());
        if (verb === 'DATA') inData = true;
        if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write(verb === 'DATA' ? '354 go ahead\r\n' : '250 ok\r\n');
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ port: (server.address() as net.AddressInfo).port, received, close: () => new Promise((r) => server.close(() => r())) }),
    ),
  );
}

/** Decodes RFC 2047 base64 words (=?UTF-8?B?…?=) in a header value. */
const decodeWords = (value: string) => value.replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/gi, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));

describe('mail settings', () => {
  it('leave e-mail off without QINQING_SMTP_URL', () => {
    const config = loadConfig(base);
    expect(config.mail.smtpUrl).toBeUndefined();
    expect(createMailer(config.mail)).toBeNull();
  });

  it('take the sender from QINQING_MAIL_FROM, else noreply at the SMTP host', () => {
    expect(loadConfig({ ...base, QINQING_SMTP_URL: 'smtps://user:pw@smtp.example.gov.cn:465' }).mail).toEqual({ smtpUrl: 'smtps://user:pw@smtp.example.gov.cn:465', from: '亲清 Qinqing <noreply@smtp.example.gov.cn>' });
    expect(loadConfig({ ...base, QINQING_SMTP_URL: 'smtp://smtp.example.gov.cn:587', QINQING_MAIL_FROM: '亲清平台 <qinqing@huzhou.gov.cn>' }).mail.from).toBe('亲清平台 <qinqing@huzhou.gov.cn>');
  });

  it('refuse a URL that is not SMTP, without printing its password', () => {
    for (const url of ['https://user:secret@mail.example.gov.cn', 'smtp://user:secret@', 'mail.example.gov.cn:25']) {
      try {
        loadConfig({ ...base, QINQING_SMTP_URL: url });
        expect.unreachable(url);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).message).toContain('QINQING_SMTP_URL');
        expect((error as ConfigError).message).not.toContain('secret');
      }
    }
  });
});

describe('the SMTP mailer', () => {
  const servers: Array<{ close(): Promise<void> }> = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  it('delivers a Chinese subject and body to the recipient through QINQING_SMTP_URL', async () => {
    const server = await smtpServer();
    servers.push(server);
    const config = loadConfig({ ...base, QINQING_SMTP_URL: `smtp://127.0.0.1:${server.port}`, QINQING_MAIL_FROM: 'qinqing@huzhou.gov.cn' });
    const mailer = createMailer(config.mail)!;
    await mailer.send({ to: 'zjj@example.gov.cn', subject: '诉求 SQ1 已交办本部门主办，请签收', text: '诉求编号：SQ1\n请登录亲清平台查看办理详情。' });
    mailer.close();
    expect(server.received).toHaveLength(1);
    const [mail] = server.received;
    expect(mail!.from).toContain('qinqing@huzhou.gov.cn');
    expect(mail!.to).toEqual(['<zjj@example.gov.cn>']);
    const subject = /^Subject: (.*(?:\n[ \t].*)*)/m.exec(mail!.data)![1]!.replace(/\n[ \t]/g, ' ');
    expect(decodeWords(subject)).toBe('诉求 SQ1 已交办本部门主办，请签收');
  });
});
