// Words of the JSON APIs' errors. An API client gets them in the language it asks for
// (Accept-Language), else in the site's.

// The Admin API's own words: drafts, workflow steps, uploads.
const adminBg = {
  draft: (field: string, error: string, limit: number, suggestion?: string): string => {
    switch (error) {
      case 'required':
        return `„${field}“ е задължително.`;
      case 'too-long':
        return field === 'tags'
          ? `Име в „tags“ е твърде дълго: най-много ${limit} знака.`
          : `„${field}“ е твърде дълго: най-много ${limit} знака.`;
      case 'too-many':
        return `„${field}“: най-много ${limit}.`;
      case 'bad-slug':
        return `„${field}“: само малки букви, цифри и единични тирета.`;
      case 'slug-taken':
        return `Адресът вече е зает в този раздел${suggestion ? `; свободен е „${suggestion}“` : ''}.`;
      case 'unknown-category':
        return 'Няма такъв раздел.';
      case 'unknown-author':
        return 'Няма автор с такъв номер в „authors“.';
      case 'unknown-media':
        return 'Няма такова изображение в медийната библиотека.';
      default:
        return `Невалидна стойност на „${field}“.`;
    }
  },
  noWrite: 'Служителят, от чието име действа ключът, не може да пише статии.',
  noArticle: 'Няма такава статия.',
  noRightArticle: 'Служителят, от чието име действа ключът, няма права върху тази статия.',
  noRightStep: 'Служителят, от чието име действа ключът, не може да направи тази стъпка с тази статия.',
  conflict: (current: number, by: string) =>
    `Статията е променена междувременно${by ? ` (${by})` : ''}: текущата версия е ${current}. ` +
    'Прочетете я отново и приложете промените си върху нея.',
  status: {
    draft: 'чернова',
    review: 'за преглед',
    scheduled: 'насрочена',
    published: 'публикувана',
    unpublished: 'свалена',
  },
  notNow: (status: string) => `Статията е „${status}“ и тази стъпка сега не е възможна.`,
  stale: 'Статията току-що беше променена от друг. Опитайте отново.',
  timeInPast: '„at“ трябва да е в бъдещето.',
  media: {
    empty: 'Липсва файл: изпратете изображението в частта „file“.',
    tooLarge: (mb: number) => `Файлът е твърде голям: най-много ${mb} MB.`,
    tooManyPixels: (mp: number) => `Изображението е твърде голямо: най-много ${mp} мегапиксела.`,
    'unsupported-type': 'Това не е изображение във формат JPEG, PNG, WebP, AVIF, GIF или TIFF.',
    corrupt: 'Изображението е повредено и не може да се прочете.',
    'not-multipart': 'Изпратете изображението като multipart/form-data.',
    'too-many-parts': 'Твърде много части: един файл и полетата alt, caption, credit.',
    broken: 'Качването не пристигна цяло. Опитайте отново.',
    textTooLong: (field: string) => `„${field}“ е твърде дълго.`,
  },
};

const adminEn: typeof adminBg = {
  draft: (field: string, error: string, limit: number, suggestion?: string): string => {
    switch (error) {
      case 'required':
        return `"${field}" is required.`;
      case 'too-long':
        return field === 'tags'
          ? `A name in "tags" is too long: at most ${limit} characters.`
          : `"${field}" is too long: at most ${limit} characters.`;
      case 'too-many':
        return `"${field}": at most ${limit}.`;
      case 'bad-slug':
        return `"${field}": lower-case letters, digits and single hyphens only.`;
      case 'slug-taken':
        return `The slug is taken in this section${suggestion ? `; "${suggestion}" is free` : ''}.`;
      case 'unknown-category':
        return 'No such section.';
      case 'unknown-author':
        return 'No author has an id given in "authors".';
      case 'unknown-media':
        return 'No such image in the media library.';
      default:
        return `Invalid value of "${field}".`;
    }
  },
  noWrite: 'The staff member this key acts as may not write articles.',
  noArticle: 'No such article.',
  noRightArticle: 'The staff member this key acts as has no rights to this article.',
  noRightStep: 'The staff member this key acts as may not take this step with this article.',
  conflict: (current: number, by: string) =>
    `The article was changed meanwhile${by ? ` (${by})` : ''}: the current version is ${current}. ` +
    'Read it again and apply your changes to it.',
  status: {
    draft: 'draft',
    review: 'in review',
    scheduled: 'scheduled',
    published: 'published',
    unpublished: 'unpublished',
  },
  notNow: (status: string) => `The article is ${status}; this step is not possible now.`,
  stale: 'The article was changed by someone else just now. Try again.',
  timeInPast: '"at" must be in the future.',
  media: {
    empty: 'No file: send the image in the part named "file".',
    tooLarge: (mb: number) => `The file is too large: at most ${mb} MB.`,
    tooManyPixels: (mp: number) => `The image is too large: at most ${mp} megapixels.`,
    'unsupported-type': 'This is not a JPEG, PNG, WebP, AVIF, GIF or TIFF image.',
    corrupt: 'The image is damaged and cannot be read.',
    'not-multipart': 'Send the image as multipart/form-data.',
    'too-many-parts': 'Too many parts: one file and the fields alt, caption, credit.',
    broken: 'The upload did not arrive whole. Try again.',
    textTooLong: (field: string) => `"${field}" is too long.`,
  },
};

const bg = {
  keyMissing: 'Липсва API ключ: изпратете го в заглавката Authorization: Bearer <ключ>.',
  keyUnknown: 'Непознат или отменен API ключ.',
  wrongKind: 'Този ключ не е за този API.',
  scopeMissing: (scope: string) => `Ключът няма правото „${scope}“.`,
  userGone: 'Служителят, от чието име действа ключът, вече няма права за това.',
  tooMany: 'Твърде много заявки. Опитайте отново след малко.',
  notFound: 'Няма такъв ресурс.',
  badField: (field: string) => `Невалидна стойност на „${field}“.`,
  badCursor: 'Невалиден курсор: използвайте стойността next_cursor от предишния отговор.',
  badFields: (names: string) => `Непознати полета: ${names}.`,
  unknownParameter: (name: string) => `Непознат параметър „${name}“.`,
  badJson: 'Тялото на заявката не е валиден JSON.',
  badDate: (field: string) =>
    `„${field}“: очаква се дата (ГГГГ-ММ-ДД) или дата и час с отместване (2026-11-25T10:00:00Z).`,
  badRange: (from: string, to: string) => `„${from}“ трябва да е преди „${to}“.`,
  unknownCategory: (slug: string) => `Няма раздел с адрес „${slug}“.`,
  unknownTag: (slug: string) => `Няма тема с адрес „${slug}“.`,
  unknownAuthor: (slug: string) => `Няма автор с адрес „${slug}“.`,
  queryMissing: 'Напишете какво търсите в „q“.',
  searchTooDeep: (cap: number) => `Търсенето показва най-много първите ${cap} резултата.`,
  serverError: 'Вътрешна грешка. Опитайте отново.',
  admin: adminBg,
};

type ApiWords = typeof bg;

const en: ApiWords = {
  keyMissing: 'API key missing: send it in the header Authorization: Bearer <key>.',
  keyUnknown: 'Unknown or revoked API key.',
  wrongKind: 'This key is not for this API.',
  scopeMissing: (scope: string) => `The key lacks the scope "${scope}".`,
  userGone: 'The staff member this key acts as no longer has the right to do this.',
  tooMany: 'Too many requests. Try again shortly.',
  notFound: 'No such resource.',
  badField: (field: string) => `Invalid value of "${field}".`,
  badCursor: 'Invalid cursor: use the next_cursor value of the previous response.',
  badFields: (names: string) => `Unknown fields: ${names}.`,
  unknownParameter: (name: string) => `Unknown parameter "${name}".`,
  badJson: 'The request body is not valid JSON.',
  badDate: (field: string) =>
    `"${field}": expected a date (YYYY-MM-DD) or a date-time with an offset (2026-11-25T10:00:00Z).`,
  badRange: (from: string, to: string) => `"${from}" must be before "${to}".`,
  unknownCategory: (slug: string) => `No section has the slug "${slug}".`,
  unknownTag: (slug: string) => `No topic has the slug "${slug}".`,
  unknownAuthor: (slug: string) => `No author has the slug "${slug}".`,
  queryMissing: 'Say what to search for in "q".',
  searchTooDeep: (cap: number) => `Search shows at most the first ${cap} results.`,
  serverError: 'Internal error. Try again.',
  admin: adminEn,
};

export const apiMessages = { bg, en };
export type ApiMessages = ApiWords;
