// The words of the mail the site sends to readers, in Bulgarian and English. Plain text, with
// every link alone on its line so mail programs make it clickable whole.
import type { Locale } from '../text/locale.js';

export interface MailText {
  subject: string;
  text: string;
}

export interface LinkMailInput {
  siteName: string;
  readerName: string;
  url: string;
}

export interface ReplyNoticeInput {
  siteName: string;
  readerName: string;
  replierName: string;
  articleTitle: string;
  url: string;
  excerpt: string;
}

/** A new staff account: the admin who made it, the role, and the link to choose a password. */
export interface StaffInviteInput {
  siteName: string;
  readerName: string;
  inviterName: string;
  role: 'contributor' | 'author' | 'moderator' | 'editor' | 'admin';
  url: string;
}

export interface MailTexts {
  verifyEmail(input: LinkMailInput): MailText;
  passwordReset(input: LinkMailInput): MailText;
  replyNotice(input: ReplyNoticeInput): MailText;
  staffInvite(input: StaffInviteInput): MailText;
}

const ROLE_NAMES: Record<Locale, Record<StaffInviteInput['role'], string>> = {
  bg: {
    contributor: 'сътрудник',
    author: 'автор',
    moderator: 'модератор',
    editor: 'редактор',
    admin: 'администратор',
  },
  en: {
    contributor: 'contributor',
    author: 'author',
    moderator: 'moderator',
    editor: 'editor',
    admin: 'admin',
  },
};

// Names and titles come from readers and editors; a line break must never reach a header.
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const lines = (...parts: string[]) => `${parts.join('\n')}\n`;

const bg: MailTexts = {
  verifyEmail: ({ siteName, readerName, url }) => ({
    subject: oneLine(`Потвърдете имейла си за „${siteName}“`),
    text: lines(
      `Здравейте, ${readerName}!`,
      '',
      `За да завършите регистрацията си в „${siteName}“, отворете тази връзка (валидна е 48 часа):`,
      '',
      url,
      '',
      'Ако не сте се регистрирали вие, пренебрегнете това писмо: без потвърждение профилът не може да коментира.',
    ),
  }),
  passwordReset: ({ siteName, readerName, url }) => ({
    subject: oneLine(`Нова парола за „${siteName}“`),
    text: lines(
      `Здравейте, ${readerName}!`,
      '',
      'Получихме молба за нова парола за вашия профил. Изберете я от тази връзка (валидна е 1 час):',
      '',
      url,
      '',
      'Ако не сте поискали нова парола, пренебрегнете това писмо: старата остава в сила.',
    ),
  }),
  replyNotice: ({ siteName, readerName, replierName, articleTitle, url, excerpt }) => ({
    subject: oneLine(`${replierName} отговори на коментара ви в „${siteName}“`),
    text: lines(
      `Здравейте, ${readerName}!`,
      '',
      `${replierName} отговори на коментара ви под „${articleTitle}“:`,
      '',
      `„${excerpt}“`,
      '',
      'Вижте целия отговор:',
      '',
      url,
      '',
      'Известията за отговори се изключват от профила ви или от формата за коментар.',
    ),
  }),
  staffInvite: ({ siteName, readerName, inviterName, role, url }) => ({
    subject: oneLine(`Покана за редакцията на „${siteName}“`),
    text: lines(
      `Здравейте, ${readerName}!`,
      '',
      `${oneLine(inviterName)} ви откри профил в редакцията на „${siteName}“ с роля „${ROLE_NAMES.bg[role]}“.`,
      'Изберете си парола от тази връзка (валидна е 7 дни):',
      '',
      url,
      '',
      'Ако не очаквате такава покана, пренебрегнете това писмо: без парола профилът не може да се използва.',
    ),
  }),
};

const en: MailTexts = {
  verifyEmail: ({ siteName, readerName, url }) => ({
    subject: oneLine(`Confirm your email for ${siteName}`),
    text: lines(
      `Hello ${readerName},`,
      '',
      `To finish signing up to ${siteName}, open this link (valid for 48 hours):`,
      '',
      url,
      '',
      'If you did not sign up, do nothing: an unconfirmed account cannot comment.',
    ),
  }),
  passwordReset: ({ siteName, readerName, url }) => ({
    subject: oneLine(`New password for ${siteName}`),
    text: lines(
      `Hello ${readerName},`,
      '',
      'We received a request for a new password for your account. Choose it here (valid for 1 hour):',
      '',
      url,
      '',
      'If you did not ask for a new password, ignore this email: your old one still works.',
    ),
  }),
  replyNotice: ({ siteName, readerName, replierName, articleTitle, url, excerpt }) => ({
    subject: oneLine(`${replierName} replied to your comment on ${siteName}`),
    text: lines(
      `Hello ${readerName},`,
      '',
      `${replierName} replied to your comment on “${articleTitle}”:`,
      '',
      `“${excerpt}”`,
      '',
      'Read the whole reply:',
      '',
      url,
      '',
      'You can turn reply notices off in your profile or in the comment form.',
    ),
  }),
  staffInvite: ({ siteName, readerName, inviterName, role, url }) => ({
    subject: oneLine(`Your invitation to the ${siteName} newsroom`),
    text: lines(
      `Hello ${readerName},`,
      '',
      `${oneLine(inviterName)} has opened a newsroom account for you on ${siteName}, with the role “${ROLE_NAMES.en[role]}”.`,
      'Choose your password here (the link is valid for 7 days):',
      '',
      url,
      '',
      'If you did not expect this invitation, ignore this email: without a password the account cannot be used.',
    ),
  }),
};

const TEXTS: Record<Locale, MailTexts> = { bg, en };

export function mailTexts(locale: Locale): MailTexts {
  return TEXTS[locale];
}

export function verifyEmailMail(locale: Locale, input: LinkMailInput): MailText {
  return TEXTS[locale].verifyEmail(input);
}

export function passwordResetMail(locale: Locale, input: LinkMailInput): MailText {
  return TEXTS[locale].passwordReset(input);
}

export function replyNotice(locale: Locale, input: ReplyNoticeInput): MailText {
  return TEXTS[locale].replyNotice(input);
}
