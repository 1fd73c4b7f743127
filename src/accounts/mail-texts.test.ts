import { describe, expect, it } from 'vitest';
import { mailTexts, replyNotice } from './mail-texts.js';

const url = 'https://vestnik.example/profil/potvarzhdenie?token=abc';

describe('mail texts', () => {
  it.each(['bg', 'en'] as const)('%s: each link stands alone on its line', (locale) => {
    const texts = mailTexts(locale);
    const mails = [
      texts.verifyEmail({ siteName: 'Вестник', readerName: 'Мария', url }),
      texts.passwordReset({ siteName: 'Вестник', readerName: 'Мария', url }),
      texts.replyNotice({
        siteName: 'Вестник',
        readerName: 'Мария',
        replierName: 'Петър',
        articleTitle: 'Заглавие',
        url,
        excerpt: 'Съгласен съм',
      }),
    ];
    for (const mail of mails) {
      expect(mail.text.split('\n')).toContain(url);
      expect(mail.text).toContain('Мария');
      expect(mail.subject).not.toMatch(/[\r\n]/);
    }
  });

  it('speaks Bulgarian with Bulgarian quotes, and English', () => {
    expect(mailTexts('bg').verifyEmail({ siteName: 'Вестник', readerName: 'Мария', url }).subject).toBe(
      'Потвърдете имейла си за „Вестник“',
    );
    expect(mailTexts('en').passwordReset({ siteName: 'Vestnik', readerName: 'Mary', url }).subject).toBe(
      'New password for Vestnik',
    );
  });

  it('keeps a reply notice subject on one line whatever the names hold', () => {
    const mail = replyNotice('bg', {
      siteName: 'Вестник',
      readerName: 'Мария',
      replierName: 'Петър\r\nBcc: x@y.bg',
      articleTitle: 'Заглавие',
      url,
      excerpt: 'Съгласен съм',
    });
    expect(mail.subject).toBe('Петър Bcc: x@y.bg отговори на коментара ви в „Вестник“');
    expect(mail.text).toContain('под „Заглавие“:');
    expect(mail.text).toContain('„Съгласен съм“');
  });
});
