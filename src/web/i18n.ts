// Every word the reading site shows, in Bulgarian and English.
import type { CommentFieldError } from '../comments/validate.js';
import type { Locale } from '../infra/config.js';
import { accountMessages } from './i18n/accounts.js';
import { commentMessages } from './i18n/comments.js';
import { curationMessages } from './i18n/curation.js';
import { deskMessages } from './i18n/desk.js';
import { editorMessages } from './i18n/editor.js';
import { integrationMessages } from './i18n/integrations.js';
import { mediaMessages } from './i18n/media.js';
import { newsroomMessages } from './i18n/newsroom.js';
import { searchMessages } from './i18n/search.js';
import { staffMessages } from './i18n/staff.js';
import { tagMessages } from './i18n/tags.js';
import { webhookMessages } from './i18n/webhooks.js';

const bg = {
  lang: 'bg',
  tagline: 'Новини от България и света',
  home: 'Начало',
  latest: 'Най-ново',
  mostRead: 'Най-четени',
  mostCommented: 'Най-коментирани',
  mostReadWeek: 'за последните 7 дни',
  mostReadDay: 'за последните 24 часа',
  topStories: 'Водещи новини',
  latestHeadlines: 'Последни новини',
  onThisDay: 'На днешната дата',
  onThisDayIntro: (date: string) => `Какво публикувахме на ${date} в предишни години.`,
  onThisDayToday: 'Днес',
  onThisDayEarlier: 'В предишни години',
  onThisDayEmpty: 'На тази дата в предишни години няма публикации.',
  more: 'Още',
  moreIn: (name: string) => `Още от „${name}“`,
  moreOnTopic: 'Още по темата',
  relatedArticles: 'Свързани статии',
  by: 'Автор',
  authors: 'Автори',
  tags: 'Теми',
  published: 'Публикувана',
  updated: 'Обновена',
  comments: 'Коментари',
  commentForms: { one: 'коментар', other: 'коментара' },
  articleForms: { one: 'статия', other: 'статии' },
  noComments: 'Все още няма коментари. Бъдете първи.',
  commentsClosed: 'Коментарите към тази статия са затворени.',
  commentsPremoderated: 'Коментарите към тази статия се публикуват след одобрение от модератор.',
  writeComment: 'Напишете коментар',
  replyTo: (name: string) => `Отговор на ${name}`,
  reply: 'Отговори',
  cancelReply: 'Откажи отговора',
  yourName: 'Име',
  yourComment: 'Коментар',
  send: 'Публикувай',
  sending: 'Изпращане…',
  commentRules: 'Пишете по темата и с уважение към другите. Връзките не се индексират.',
  commentPosted: 'Коментарът ви е публикуван.',
  commentPending: 'Благодарим! Коментарът ви ще бъде публикуван след одобрение от модератор.',
  inReplyTo: (name: string) => `в отговор на ${name}`,
  commentErrors: {
    'name-required': 'Моля, напишете име.',
    'name-too-short': 'Името трябва да е поне 2 знака.',
    'name-too-long': 'Името може да е най-много 60 знака.',
    'body-required': 'Моля, напишете коментар.',
    'body-too-short': 'Коментарът е твърде кратък.',
    'body-too-long': 'Коментарът може да е най-много 3000 знака.',
  } satisfies Record<CommentFieldError, string>,
  formHasErrors: 'Коментарът не е публикуван. Поправете отбелязаното по-долу.',
  formExpired: 'Формата е остаряла. Текстът ви е запазен — изпратете отново.',
  forbidden: 'Заявката не може да бъде приета: невалиден или липсващ защитен ключ на формата.',
  articleMissing: 'Статията не съществува или вече не е публикувана.',
  commentsClosedError: 'Коментарите към тази статия са затворени.',
  parentMissing: 'Коментарът, на който отговаряте, вече не е наличен.',
  tooManyRequests: 'Твърде много заявки. Опитайте отново след малко.',
  networkError: 'Няма връзка със сървъра. Опитайте отново.',
  page: 'Страница',
  pageOf: (p: string, n: string) => `Страница ${p} от ${n}`,
  prev: 'По-нови',
  next: 'По-стари',
  archive: 'Архив',
  archiveIntro: 'Всички публикации по години и месеци.',
  archiveDay: 'Публикации от деня',
  topic: 'Тема',
  topicKinds: { topic: 'Тема', person: 'Личност', place: 'Място', organisation: 'Организация' },
  author: 'Автор',
  articlesBy: (name: string) => `Статии от ${name}`,
  noArticles: 'Тук все още няма публикации.',
  notFoundTitle: 'Страницата не е намерена',
  notFoundText:
    'Адресът може да е сгрешен или страницата да е преместена. Опитайте от началната страница или вижте най-новото.',
  badRequestTitle: 'Невалидна заявка',
  forbiddenTitle: 'Нямате достъп',
  badRequestText: 'Адресът или данните в заявката са повредени.',
  badPage: 'Номерът на страницата трябва да е цяло число от 1 нататък.',
  badDate: 'Няма такава дата.',
  errorTitle: 'Нещо се обърка',
  errorText: 'Не успяхме да покажем страницата. Опитайте отново след малко.',
  skipToContent: 'Към съдържанието',
  mainNav: 'Основна навигация',
  rankingsLabel: 'Класации',
  footerAbout: 'Вестник е независима новинарска платформа.',
  allRights: 'Всички права запазени.',
  photo: 'Снимка',
  today: 'Днес',
  readMore: 'Прочетете',
};

export type Messages = typeof bg & {
  cm: typeof commentMessages.bg;
  account: typeof accountMessages.bg;
  desk: typeof deskMessages.bg;
  /** Articles, the editor, workflow, revisions. */
  nr: typeof newsroomMessages.bg;
  media: typeof mediaMessages.bg;
  /** Users, categories, site settings, first-run setup. */
  staff: typeof staffMessages.bg;
  /** Home curation, banner, dashboard. */
  cur: typeof curationMessages.bg;
  /** The editor's browser side and the site's click-to-load embeds. */
  ed: typeof editorMessages.bg;
  /** The search page. */
  search: typeof searchMessages.bg;
  /** Topics: offers in the editor, the tag manager, the public index. */
  tg: typeof tagMessages.bg;
  /** The API keys page. */
  ig: typeof integrationMessages.bg;
  /** Webhook subscriptions and their delivery log. */
  wh: typeof webhookMessages.bg;
};

const en: typeof bg = {
  lang: 'en',
  tagline: 'News from Bulgaria and the world',
  home: 'Home',
  latest: 'Latest',
  mostRead: 'Most read',
  mostCommented: 'Most commented',
  mostReadWeek: 'over the last 7 days',
  mostReadDay: 'over the last 24 hours',
  topStories: 'Top stories',
  latestHeadlines: 'Latest news',
  onThisDay: 'On this day',
  onThisDayIntro: (date: string) => `What we published on ${date} in earlier years.`,
  onThisDayToday: 'Today',
  onThisDayEarlier: 'In earlier years',
  onThisDayEmpty: 'Nothing was published on this date in earlier years.',
  more: 'More',
  moreIn: (name: string) => `More from ${name}`,
  moreOnTopic: 'More on this topic',
  relatedArticles: 'Related articles',
  by: 'By',
  authors: 'Authors',
  tags: 'Topics',
  published: 'Published',
  updated: 'Updated',
  comments: 'Comments',
  commentForms: { one: 'comment', other: 'comments' },
  articleForms: { one: 'article', other: 'articles' },
  noComments: 'No comments yet. Be the first.',
  commentsClosed: 'Comments on this article are closed.',
  commentsPremoderated: 'Comments on this article appear after a moderator approves them.',
  writeComment: 'Write a comment',
  replyTo: (name: string) => `Reply to ${name}`,
  reply: 'Reply',
  cancelReply: 'Cancel reply',
  yourName: 'Name',
  yourComment: 'Comment',
  send: 'Post',
  sending: 'Sending…',
  commentRules: 'Stay on topic and respect others. Links are not indexed.',
  commentPosted: 'Your comment has been published.',
  commentPending: 'Thank you! Your comment will appear once a moderator approves it.',
  inReplyTo: (name: string) => `in reply to ${name}`,
  commentErrors: {
    'name-required': 'Please enter a name.',
    'name-too-short': 'The name must be at least 2 characters.',
    'name-too-long': 'The name can be at most 60 characters.',
    'body-required': 'Please write a comment.',
    'body-too-short': 'The comment is too short.',
    'body-too-long': 'The comment can be at most 3000 characters.',
  },
  formHasErrors: 'Your comment was not posted. Please correct the marked fields.',
  formExpired: 'The form has expired. Your text is kept — please send it again.',
  forbidden: 'The request was refused: the form security token is invalid or missing.',
  articleMissing: 'The article does not exist or is no longer published.',
  commentsClosedError: 'Comments on this article are closed.',
  parentMissing: 'The comment you are replying to is no longer available.',
  tooManyRequests: 'Too many requests. Please try again shortly.',
  networkError: 'Could not reach the server. Please try again.',
  page: 'Page',
  pageOf: (p: string, n: string) => `Page ${p} of ${n}`,
  prev: 'Newer',
  next: 'Older',
  archive: 'Archive',
  archiveIntro: 'Everything we published, by year and month.',
  archiveDay: 'Published that day',
  topic: 'Topic',
  topicKinds: { topic: 'Topic', person: 'Person', place: 'Place', organisation: 'Organisation' },
  author: 'Author',
  articlesBy: (name: string) => `Articles by ${name}`,
  noArticles: 'Nothing published here yet.',
  notFoundTitle: 'Page not found',
  notFoundText: 'The address may be wrong or the page may have moved. Try the home page or the latest news.',
  badRequestTitle: 'Bad request',
  forbiddenTitle: 'Access denied',
  badRequestText: 'The address or the data of the request is damaged.',
  badPage: 'The page number must be a whole number from 1 up.',
  badDate: 'There is no such date.',
  errorTitle: 'Something went wrong',
  errorText: 'We could not show this page. Please try again shortly.',
  skipToContent: 'Skip to content',
  mainNav: 'Main navigation',
  rankingsLabel: 'Rankings',
  footerAbout: 'Vestnik is an independent news platform.',
  allRights: 'All rights reserved.',
  photo: 'Photo',
  today: 'Today',
  readMore: 'Read',
};

const parts = (l: Locale) => ({
  cm: commentMessages[l],
  account: accountMessages[l],
  desk: deskMessages[l],
  nr: newsroomMessages[l],
  media: mediaMessages[l],
  staff: staffMessages[l],
  cur: curationMessages[l],
  ed: editorMessages[l],
  search: searchMessages[l],
  tg: tagMessages[l],
  ig: integrationMessages[l],
  wh: webhookMessages[l],
});

const all: Record<Locale, Messages> = {
  bg: { ...bg, ...parts('bg') },
  en: { ...en, ...parts('en') },
};

export function messages(locale: Locale): Messages {
  return all[locale];
}
