// Words of the reader account pages (/profil/…). Merged into the site's messages as t.account.
import type { AccountFieldError } from '../../accounts/new-user.js';

const minutesBg = (n: number) => (n === 1 ? '1 минута' : `${n} минути`);
const minutesEn = (n: number) => (n === 1 ? '1 minute' : `${n} minutes`);

const bg = {
  signIn: 'Вход',
  signOut: 'Изход',
  register: 'Регистрация',
  profile: 'Профил',

  email: 'Имейл',
  displayName: 'Име, с което ви виждат другите',
  displayNameHint: 'Показва се до коментарите ви. От 2 до 60 знака.',
  password: 'Парола',
  passwordRules:
    'Поне 10 знака. Няколко думи заедно се помнят лесно и трудно се отгатват. Без името или имейла ви.',
  formHasErrors: 'Формата не е изпратена. Поправете отбелязаното по-долу.',
  fieldErrors: {
    'email-required': 'Моля, напишете имейл.',
    'email-invalid': 'Това не прилича на имейл адрес (пример: ivan@example.bg).',
    'email-too-long': 'Имейлът е твърде дълъг.',
    'email-taken': 'Вече има профил с този имейл. Влезте или поискайте нова парола.',
    'name-required': 'Моля, напишете име.',
    'name-too-short': 'Името трябва да е поне 2 знака.',
    'name-too-long': 'Името може да е най-много 60 знака.',
    'password-too-short': 'Паролата трябва да е поне 10 знака.',
    'password-too-long': 'Паролата може да е най-много 128 знака.',
    'password-too-common': 'Тази парола е сред най-често използваните. Изберете друга.',
    'password-like-email': 'Паролата не бива да повтаря името или имейла ви.',
  } satisfies Record<AccountFieldError, string>,
  passwordRequired: 'Моля, напишете паролата си.',
  attemptsThrottled: (minutes: number) =>
    `Твърде много неуспешни опити. Опитайте отново след ${minutesBg(minutes)}.`,

  registerIntro: 'С профил коментирате под едно и също име и получавате известия за отговорите.',
  registerSubmit: 'Регистрирай ме',
  haveAccount: 'Вече имате профил?',
  checkMailTitle: 'Проверете пощата си',
  checkMailText: (email: string) =>
    `Изпратихме връзка за потвърждение на ${email}. Отворете я до 48 часа, за да завършите регистрацията.`,
  checkMailHint:
    'Не виждате писмото? Проверете папката за нежелана поща. След като влезете, от профила си можете да поискате нова връзка.',

  verifiedTitle: 'Имейлът е потвърден',
  verifiedText: 'Благодарим! Профилът ви е готов и вече можете да коментирате.',
  toProfile: 'Към профила',
  badLinkTitle: 'Връзката не става',
  linkInvalid: 'Връзката е непълна или грешна. Копирайте я цялата от писмото.',
  verifyExpired:
    'Връзката за потвърждение е изтекла (валидна е 48 часа). Влезте и поискайте нова от профила си.',
  verifyUsed: 'Тази връзка вече е използвана: имейлът ви е потвърден. Можете да влезете.',

  signInSubmit: 'Влез',
  signInFailed: 'Грешен имейл или парола.',
  signInThrottled: (minutes: number) =>
    `Твърде много неуспешни опити за вход. Опитайте отново след ${minutesBg(minutes)}.`,
  sessionExpired: 'Сесията ви е изтекла. Моля, влезте отново.',
  forgotLink: 'Забравена парола?',
  noAccount: 'Нямате профил?',

  forgotTitle: 'Забравена парола',
  forgotIntro: 'Напишете имейла на профила си и ще ви изпратим връзка за нова парола.',
  forgotSubmit: 'Изпрати връзка',
  forgotSent: 'Ако има профил с този имейл, изпратихме на него връзка за нова парола. Тя е валидна 1 час.',

  resetTitle: 'Нова парола',
  newPassword: 'Нова парола',
  resetSubmit: 'Запази новата парола',
  resetDoneTitle: 'Паролата е сменена',
  resetDoneText: 'Новата ви парола е в сила, а всички досегашни сесии са прекратени. Влезте с нея.',
  resetExpired: 'Връзката за нова парола е изтекла (валидна е 1 час). Поискайте нова.',
  resetUsed: 'Тази връзка вече е използвана. Ако не сте сменили паролата вие, поискайте нова връзка веднага.',
  askAgain: 'Поискайте нова връзка',

  profileTitle: 'Вашият профил',
  verified: 'потвърден',
  unverified: 'непотвърден',
  unverifiedNotice: 'Имейлът ви още не е потвърден. Докато не го потвърдите, не можете да коментирате.',
  resend: 'Изпрати нова връзка',
  resent: 'Изпратихме нова връзка за потвърждение. Проверете пощата си.',
  resendThrottled: (minutes: number) =>
    `Вече изпратихме няколко връзки. Можете да поискате нова след ${minutesBg(minutes)}.`,
  bannedNotice: 'Профилът ви е блокиран от модераторите и не може да публикува коментари.',
  suspendedNotice: (until: string) =>
    `Профилът ви е временно спрян до ${until}. Дотогава не можете да коментирате.`,
  nameTitle: 'Име',
  nameSubmit: 'Запази името',
  nameSaved: 'Името е сменено.',
  passwordTitle: 'Смяна на паролата',
  currentPassword: 'Сегашна парола',
  passwordSubmit: 'Смени паролата',
  passwordChanged: 'Паролата е сменена. Излязохте от профила си на всички други устройства.',
  wrongPassword: 'Паролата е грешна.',
  lastAdmin:
    'Вие сте единственият администратор на сайта. Дайте тази роля на друг човек, преди да изтриете профила си.',
  notifyTitle: 'Известия',
  notifyLabel: 'Пращайте ми имейл, когато някой отговори на мой коментар',
  notifySubmit: 'Запази',
  notifySaved: 'Настройката е запазена.',
  exportTitle: 'Вашите данни',
  exportText:
    'Изтеглете всичко, което пазим за вас — профила, коментарите, реакциите, сигналите и сесиите ви — като файл JSON.',
  exportLink: 'Изтегли данните (JSON)',
  deleteTitle: 'Изтриване на профила',
  deleteIntro: 'Изтриването е окончателно: профилът не може да бъде върнат.',
  deleteChoice: 'Какво да стане с коментарите ви?',
  deleteRemove: 'Изтрийте и тях: текстът им изчезва от сайта.',
  deleteKeep: 'Оставете ги, но без името ми: ще стоят подписани „изтрит потребител“.',
  deleteChoiceRequired: 'Изберете какво да стане с коментарите ви.',
  deletePassword: 'Паролата ви, за потвърждение',
  deleteSubmit: 'Изтрий профила завинаги',
  deletedTitle: 'Профилът е изтрит',
  deletedText: 'Профилът ви и данните в него са изтрити. Благодарим, че бяхте с нас.',
};

const en: typeof bg = {
  signIn: 'Sign in',
  signOut: 'Sign out',
  register: 'Register',
  profile: 'Profile',

  email: 'Email',
  displayName: 'Name others see',
  displayNameHint: 'Shown next to your comments. 2 to 60 characters.',
  password: 'Password',
  passwordRules:
    'At least 10 characters. A few words together are easy to remember and hard to guess. Not your name or email.',
  formHasErrors: 'The form was not sent. Please correct the marked fields.',
  fieldErrors: {
    'email-required': 'Please enter an email address.',
    'email-invalid': 'This does not look like an email address (e.g. ivan@example.com).',
    'email-too-long': 'The email address is too long.',
    'email-taken': 'There is already an account with this email. Sign in or ask for a new password.',
    'name-required': 'Please enter a name.',
    'name-too-short': 'The name must be at least 2 characters.',
    'name-too-long': 'The name can be at most 60 characters.',
    'password-too-short': 'The password must be at least 10 characters.',
    'password-too-long': 'The password can be at most 128 characters.',
    'password-too-common': 'This password is among the most common ones. Please choose another.',
    'password-like-email': 'The password must not repeat your name or email.',
  },
  passwordRequired: 'Please enter your password.',
  attemptsThrottled: (minutes: number) =>
    `Too many failed attempts. Please try again in ${minutesEn(minutes)}.`,

  registerIntro: 'With an account you comment under the same name and get notified of replies.',
  registerSubmit: 'Create my account',
  haveAccount: 'Already have an account?',
  checkMailTitle: 'Check your email',
  checkMailText: (email: string) =>
    `We sent a confirmation link to ${email}. Open it within 48 hours to finish signing up.`,
  checkMailHint:
    'No email? Check your spam folder. Once signed in, you can ask for a new link from your profile.',

  verifiedTitle: 'Email confirmed',
  verifiedText: 'Thank you! Your account is ready and you can comment now.',
  toProfile: 'Go to your profile',
  badLinkTitle: 'This link does not work',
  linkInvalid: 'The link is incomplete or wrong. Copy all of it from the email.',
  verifyExpired:
    'The confirmation link has expired (it is valid for 48 hours). Sign in and ask for a new one from your profile.',
  verifyUsed: 'This link has already been used: your email is confirmed. You can sign in.',

  signInSubmit: 'Sign in',
  signInFailed: 'Wrong email or password.',
  signInThrottled: (minutes: number) =>
    `Too many failed sign-in attempts. Please try again in ${minutesEn(minutes)}.`,
  sessionExpired: 'Your session has expired. Please sign in again.',
  forgotLink: 'Forgot your password?',
  noAccount: 'No account yet?',

  forgotTitle: 'Forgotten password',
  forgotIntro: 'Enter your account’s email and we will send you a link to choose a new password.',
  forgotSubmit: 'Send the link',
  forgotSent:
    'If there is an account with this email, we have sent it a link to choose a new password. It is valid for 1 hour.',

  resetTitle: 'New password',
  newPassword: 'New password',
  resetSubmit: 'Save the new password',
  resetDoneTitle: 'Password changed',
  resetDoneText: 'Your new password is in effect and all earlier sessions have ended. Sign in with it.',
  resetExpired: 'The link for a new password has expired (it is valid for 1 hour). Please ask for a new one.',
  resetUsed:
    'This link has already been used. If you did not change your password yourself, ask for a new link now.',
  askAgain: 'Ask for a new link',

  profileTitle: 'Your profile',
  verified: 'confirmed',
  unverified: 'not confirmed',
  unverifiedNotice: 'Your email is not confirmed yet. Until you confirm it, you cannot comment.',
  resend: 'Send a new link',
  resent: 'We sent a new confirmation link. Please check your email.',
  resendThrottled: (minutes: number) =>
    `We have already sent several links. You can ask for a new one in ${minutesEn(minutes)}.`,
  bannedNotice: 'Your account has been blocked by the moderators and cannot post comments.',
  suspendedNotice: (until: string) =>
    `Your account is suspended until ${until}. Until then you cannot comment.`,
  nameTitle: 'Name',
  nameSubmit: 'Save the name',
  nameSaved: 'Your name has been changed.',
  passwordTitle: 'Change password',
  currentPassword: 'Current password',
  passwordSubmit: 'Change the password',
  passwordChanged: 'Your password has been changed. You have been signed out on every other device.',
  wrongPassword: 'The password is wrong.',
  lastAdmin: 'You are the site’s only admin. Give the role to someone else before deleting your account.',
  notifyTitle: 'Notifications',
  notifyLabel: 'Email me when someone replies to my comment',
  notifySubmit: 'Save',
  notifySaved: 'Your setting has been saved.',
  exportTitle: 'Your data',
  exportText:
    'Download everything we keep about you — your profile, comments, reactions, reports and sessions — as a JSON file.',
  exportLink: 'Download my data (JSON)',
  deleteTitle: 'Delete account',
  deleteIntro: 'Deletion is final: the account cannot be restored.',
  deleteChoice: 'What should happen to your comments?',
  deleteRemove: 'Delete them too: their text disappears from the site.',
  deleteKeep: 'Keep them without my name: they will be signed “deleted user”.',
  deleteChoiceRequired: 'Choose what should happen to your comments.',
  deletePassword: 'Your password, to confirm',
  deleteSubmit: 'Delete my account for good',
  deletedTitle: 'Account deleted',
  deletedText: 'Your account and its data have been deleted. Thank you for being with us.',
};

export const accountMessages = { bg, en };
