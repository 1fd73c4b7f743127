// Small formatting shortcuts for views, bound to the page's locale and time zone.
import { formatDate, formatDateTime, formatTime } from '../../../text/dates.js';
import { plural } from '../../../text/numbers.js';
import type { Frame } from './frame.js';

export const when = (f: Frame, t: number) => formatDateTime(t, f.locale, f.timeZone);
export const day = (f: Frame, t: number) => formatDate(t, f.locale, f.timeZone);
export const clock = (f: Frame, t: number) => formatTime(t, f.locale, f.timeZone);
export const commentCount = (f: Frame, n: number) => plural(n, f.t.commentForms, f.locale);
export const articleCount = (f: Frame, n: number) => plural(n, f.t.articleForms, f.locale);
export const isoDate = (t: number) => new Date(t).toISOString();
