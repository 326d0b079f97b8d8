import nodemailer from 'nodemailer';

/** A plain-text email. */
export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/** Sends email; off (null where one is asked for) when KEYPLANE_SMTP_URL is unset. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** Email through the SMTP server the URL names (smtp://user:pass@host:587, or smtps:// for TLS from the start). */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}

/**
 * What a failed send may log: the error's code and SMTP reply, never the message object
 * or the transport's options (the URL holds the SMTP password).
 */
export function sendFailure(error: unknown): { code: string | null; response: string | null; message: string } {
  const { code, response, message } = (error ?? {}) as { code?: unknown; response?: unknown; message?: unknown };
  return {
    code: typeof code === 'string' ? code : null,
    response: typeof response === 'string' ? response.slice(0, 200) : null,
    message: typeof message === 'string' ? message.slice(0, 200) : String(error),
  };
}
