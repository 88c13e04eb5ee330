// E-mail through SMTP (nodemailer), built only when QINQING_SMTP_URL is set; tests hand in any nodemailer transport or a stub.
import nodemailer from 'nodemailer';
import type { Config } from '../../env.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** What the mailer needs of a nodemailer transporter. */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
  close?(): void;
}

export function mailerFromTransport(transport: MailTransport, from: string): Mailer {
  return {
    send: async (message) => {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
    close: () => transport.close?.(),
  };
}

/** Null when mail is not configured: notifications stay in-app and the outbox keeps its rows pending. */
export function createMailer(mail: Config['mail']): Mailer | null {
  if (!mail.smtpUrl) return null;
  // Bounded waits, so that a hung server cannot hold a claimed row past its lease.
  const transport = nodemailer.createTransport({ url: mail.smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
  return mailerFromTransport(transport, mail.from);
}
