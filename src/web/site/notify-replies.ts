// The opt-in email to a reader when someone answers their comment. Sent after the reply is
// stored and visible, off the request path; a failure is logged, never shown to the replier.
import { replyNotice } from '../../accounts/mail-texts.js';
import { replyNotificationFor } from '../../comments/notify.js';
import type { SiteDeps } from './deps.js';

export async function sendReplyNotice(deps: SiteDeps, replyId: number): Promise<void> {
  try {
    const notice = await replyNotificationFor(deps.db, replyId);
    if (!notice) return;
    const path = `/${encodeURIComponent(notice.categorySlug)}/${encodeURIComponent(notice.articleSlug)}`;
    const mail = replyNotice(deps.config.locale, {
      siteName: deps.config.siteName,
      readerName: notice.readerName,
      replierName: notice.replierName,
      articleTitle: notice.articleTitle,
      url: `${deps.config.siteUrl}${path}#comment-${replyId}`,
      excerpt: notice.excerpt,
    });
    await deps.mailer.send({ to: notice.to, ...mail });
  } catch (err) {
    deps.log.error({ err, replyId }, 'reply notification failed');
  }
}
