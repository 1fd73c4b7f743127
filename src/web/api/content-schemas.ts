// The shapes of the Content API's answers and the query parameters they share, as TypeBox schemas:
// the OpenAPI document is generated from them and the tests check real answers against it.
import { Type } from '@sinclair/typebox';

/** Every Content API route takes the key in the Authorization header or as ?key=. */
export const CONTENT_SECURITY: Record<string, string[]>[] = [{ contentKey: [] }, { contentKeyQuery: [] }];

const Iso = (description: string) => Type.String({ format: 'date-time', description });

export const ArticleCategorySchema = Type.Object(
  { id: Type.Integer(), slug: Type.String(), name: Type.String() },
  { additionalProperties: false },
);

export const ArticleAuthorSchema = Type.Object(
  { id: Type.Integer(), slug: Type.String(), name: Type.String(), url: Type.String({ format: 'uri' }) },
  { additionalProperties: false },
);

export const TAG_KINDS = ['topic', 'person', 'place', 'organisation'] as const;
const TagKindSchema = Type.Union(
  TAG_KINDS.map((k) => Type.Literal(k)),
  { description: 'topic, person, place or organisation' },
);

export const ArticleTagSchema = Type.Object(
  { id: Type.Integer(), slug: Type.String(), name: Type.String(), kind: TagKindSchema },
  { additionalProperties: false },
);

export const CoverSchema = Type.Object(
  {
    url: Type.String({ format: 'uri' }),
    alt: Type.String(),
    caption: Type.String(),
    credit: Type.String(),
    width: Type.Optional(Type.Integer({ description: 'Pixels of the original; media-library images only.' })),
    height: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);

/** Every field an article may have; `fields=` picks among them, so each is optional. */
export const ARTICLE_PROPERTIES = {
  id: Type.Integer({ examples: [42] }),
  slug: Type.String({ examples: ['zhalt-kod-za-silen-vyatar'] }),
  url: Type.String({ format: 'uri', description: 'The article page on the site.' }),
  title: Type.String({ examples: ['Жълт код за силен вятър в Софийска област'] }),
  lead: Type.String(),
  body_html: Type.String({ description: 'The sanitized body. Only when asked for (fields=…,body_html).' }),
  published_at: Iso('When it was published.'),
  updated_at: Iso('When it was last changed.'),
  category: ArticleCategorySchema,
  authors: Type.Array(ArticleAuthorSchema),
  tags: Type.Array(ArticleTagSchema),
  cover: Type.Union([CoverSchema, Type.Null()]),
  breaking: Type.Boolean({ description: 'Flagged as breaking news.' }),
  comment_count: Type.Integer({ description: 'Published comments.' }),
};

export type ArticleField = keyof typeof ARTICLE_PROPERTIES;
export const ARTICLE_FIELDS = Object.keys(ARTICLE_PROPERTIES) as ArticleField[];
/** What a list gives without `fields`: everything but the body. */
export const LIST_FIELDS = ARTICLE_FIELDS.filter((f) => f !== 'body_html');

export const ArticleSchema = Type.Partial(Type.Object(ARTICLE_PROPERTIES, { additionalProperties: false }), {
  additionalProperties: false,
  description: 'The fields asked for with `fields`, or the defaults.',
});

export const PageMetaSchema = Type.Object(
  {
    limit: Type.Integer(),
    next_cursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as `cursor` for the next page; null on the last page.',
    }),
  },
  { additionalProperties: false },
);

export const TagSchema = Type.Object(
  {
    id: Type.Integer(),
    slug: Type.String(),
    name: Type.String(),
    kind: TagKindSchema,
    url: Type.String({ format: 'uri' }),
    article_count: Type.Integer({ description: 'Published articles with this tag.' }),
  },
  { additionalProperties: false },
);

export const AuthorSchema = Type.Object(
  {
    id: Type.Integer(),
    slug: Type.String(),
    name: Type.String(),
    title: Type.String({ description: 'Their position, e.g. "Репортер".' }),
    bio: Type.String(),
    url: Type.String({ format: 'uri' }),
    article_count: Type.Integer({ description: 'Published articles under their byline.' }),
  },
  { additionalProperties: false },
);

// Query parameters: strings, checked in the handlers so a bad one is a 400 naming it in words.
export const LimitParam = Type.Optional(
  Type.Integer({
    minimum: 1,
    maximum: 100,
    default: 20,
    description: 'Items per page, 1–100.',
    examples: [20],
  }),
);
export const CursorParam = Type.Optional(
  Type.String({
    maxLength: 200,
    description: 'The `meta.next_cursor` of the previous page; leave out for the first page.',
  }),
);
export const SlugParam = (what: string, example: string) =>
  Type.Optional(Type.String({ maxLength: 200, description: what, examples: [example] }));
export const DateParam = (description: string, example: string) =>
  Type.Optional(
    Type.String({
      maxLength: 40,
      description: `${description} A date (YYYY-MM-DD, the site's time zone) or a date-time with an offset (2026-11-25T10:00:00Z).`,
      examples: [example],
    }),
  );
export const AllParam = Type.Optional(
  Type.Union([Type.Literal('true'), Type.Literal('false')], {
    description: 'true: also those without published articles.',
  }),
);
