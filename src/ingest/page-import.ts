// One scraped page (plain text or saved HTML) → one article, through the newsroom's own editing and
// workflow code, in one transaction. Everything is checked before anything is written; bad input is
// an ImportError whose message names the file and, where it can, the line. Importing the same page
// again finds the article it made (page_imports remembers a hash of the extracted content).
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { can } from '../accounts/roles.js';
import type { Db } from '../db/index.js';
import type { ArticleStatus } from '../db/schema.js';
import { ArticleEditing } from '../newsroom/editing.js';
import { NO_MEDIA } from '../newsroom/media-port.js';
import type { SlugStyle } from '../newsroom/settings.js';
import type { Actor } from '../newsroom/types.js';
import { LIMITS } from '../newsroom/validate.js';
import { transition } from '../newsroom/workflow.js';
import type { Locale } from '../text/locale.js';
import { htmlToText } from '../text/sanitize.js';
import { extractPageHtml } from './page-html.js';
import { decodeUtf8, pageKind, paragraphsHtml } from './page-input.js';
import { extractPageText } from './page-text.js';

export const PAGE_MAX_BYTES = 10 * 1024 * 1024;

export class ImportError extends Error {}

export interface PageImportDeps {
  db: Db;
  timeZone: string;
  locale: Locale;
  slugStyle: SlugStyle;
}

export interface PageImportOptions {
  categorySlug: string;
  publish: boolean;
  /** The staff account the article is created by; the oldest admin account when null. */
  authorEmail: string | null;
  /** The page's original address, for its relative links. */
  baseUrl: string | null;
  /** Images are kept only from this origin (the site's own): pages make no third-party requests. */
  siteOrigin: string | null;
  maxBytes?: number;
}

export interface PageImportResult {
  created: boolean;
  articleId: number;
  title: string;
  paragraphs: number;
  status: ArticleStatus;
  categorySlug: string;
  slug: string;
}

interface Extracted {
  title: string;
  bodyHtml: string;
  paragraphs: number;
  hash: string;
}

const collapse = (s: string) => s.replace(/[\s\u00A0]+/g, ' ').trim();

function contentHash(title: string, bodyText: string): string {
  const lines = [title, ...bodyText.split('\n')].map(collapse).filter((l) => l !== '');
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** Reads and checks the file, and extracts the article from it; writes nothing. */
export async function readPage(
  path: string,
  options: Pick<PageImportOptions, 'baseUrl' | 'siteOrigin' | 'maxBytes'>,
): Promise<Extracted> {
  const name = basename(path);
  const max = options.maxBytes ?? PAGE_MAX_BYTES;
  const size = await stat(path).then(
    (s) => (s.isFile() ? s.size : -1),
    () => {
      throw new ImportError(`${name}: no such file`);
    },
  );
  if (size < 0) throw new ImportError(`${name}: not a file`);
  if (size > max) throw new ImportError(`${name}: ${size} bytes, over the limit of ${max} bytes`);
  const decoded = decodeUtf8(await readFile(path));
  if (!decoded.ok)
    throw new ImportError(
      `${name}: line ${decoded.line}: not UTF-8 (byte 0x${decoded.byte.toString(16).padStart(2, '0')} at offset ${decoded.offset}); convert the file to UTF-8 first`,
    );
  const text = decoded.text;
  if (text.trim() === '') throw new ImportError(`${name}: the file is empty`);
  const nul = text.indexOf('\u0000');
  if (nul >= 0)
    throw new ImportError(
      `${name}: line ${text.slice(0, nul).split('\n').length}: a NUL character; not a text file`,
    );
  if (pageKind(name, text) === 'html') {
    if (options.baseUrl !== null && options.baseUrl !== undefined) checkBaseUrl(options.baseUrl);
    const page = extractPageHtml(text, {
      baseUrl: options.baseUrl ?? null,
      siteOrigin: options.siteOrigin ?? null,
    });
    if (!page) throw new ImportError(`${name}: no article found in the HTML (no title, or no text)`);
    checkLengths(name, page.title, page.bodyHtml, null);
    return { ...page, hash: contentHash(page.title, htmlToText(page.bodyHtml)) };
  }
  const page = extractPageText(text);
  if (!page)
    throw new ImportError(`${name}: no article found: no headline-like line followed by paragraphs of prose`);
  const bodyHtml = paragraphsHtml(page.paragraphs);
  checkLengths(name, page.title, bodyHtml, page.titleLine);
  return {
    title: page.title,
    bodyHtml,
    paragraphs: page.paragraphs.length,
    hash: contentHash(page.title, page.paragraphs.join('\n')),
  };
}

export function checkBaseUrl(value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ImportError(`--base-url: "${value}" is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ImportError(`--base-url: "${value}" must be an http or https address`);
}

function checkLengths(name: string, title: string, bodyHtml: string, titleLine: number | null): void {
  const where = titleLine === null ? `${name}:` : `${name}: line ${titleLine}:`;
  if (title.length > LIMITS.title)
    throw new ImportError(`${where} the title has ${title.length} characters, at most ${LIMITS.title}`);
  if (bodyHtml.length > LIMITS.body)
    throw new ImportError(`${name}: the article body is longer than ${LIMITS.body} characters`);
}

async function actorFor(db: Db, email: string | null): Promise<Actor> {
  const base = db.selectFrom('users').select(['id', 'role', 'display_name', 'email']);
  const row = email
    ? await base.where('email', '=', email.trim().toLowerCase()).executeTakeFirst()
    : await base.where('role', '=', 'admin').orderBy('id').limit(1).executeTakeFirst();
  if (!row)
    throw new ImportError(
      email
        ? `--author: no user with the email ${email}`
        : '--author: required, as the site has no admin account yet',
    );
  if (!can(row.role, 'articles.write'))
    throw new ImportError(`--author: ${row.email} (${row.role}) may not write articles`);
  return { id: row.id, role: row.role, displayName: row.display_name };
}

/** Imports the page at `path` as an article, or finds the one an earlier import of it made. */
export async function importPage(
  deps: PageImportDeps,
  path: string,
  options: PageImportOptions,
  now: number,
): Promise<PageImportResult> {
  const page = await readPage(path, options);
  return deps.db.transaction().execute(async (trx) => {
    const category = await trx
      .selectFrom('categories')
      .select(['id', 'slug'])
      .where('slug', '=', options.categorySlug)
      .executeTakeFirst();
    if (!category) throw new ImportError(`--category: no category with the slug "${options.categorySlug}"`);
    const known = await trx
      .selectFrom('page_imports as p')
      .innerJoin('articles as a', 'a.id', 'p.article_id')
      .innerJoin('categories as c', 'c.id', 'a.category_id')
      .select(['a.id', 'a.title', 'a.status', 'a.slug', 'c.slug as category_slug'])
      .where('p.content_hash', '=', page.hash)
      .executeTakeFirst();
    if (known)
      return {
        created: false,
        articleId: known.id,
        title: known.title,
        paragraphs: page.paragraphs,
        status: known.status,
        categorySlug: known.category_slug,
        slug: known.slug,
      };
    const actor = await actorFor(trx, options.authorEmail);
    if (options.publish && !can(actor.role, 'articles.publish-own'))
      throw new ImportError(`--publish: ${actor.displayName} (${actor.role}) may not publish`);
    // The newsroom's own steps join this transaction (src/db/transaction.ts): all or nothing.
    const editing = new ArticleEditing({
      db: trx,
      media: NO_MEDIA,
      settings: () => ({ slugStyle: deps.slugStyle }),
      timeZone: deps.timeZone,
      locale: deps.locale,
    });
    const saved = await editing.create(
      {
        title: page.title,
        slug: '',
        lead: '',
        bodyHtml: page.bodyHtml,
        categoryId: category.id,
        tags: [],
        authorIds: [],
        coverMediaId: null,
        seoTitle: '',
        seoDescription: '',
        commentsWho: null,
        commentsModeration: null,
        commentsCloseDays: null,
        breaking: false,
      },
      actor,
      now,
    );
    if (!saved.ok) {
      const why =
        saved.reason === 'invalid'
          ? Object.entries(saved.errors)
              .map(([field, error]) => `${field}: ${error}`)
              .join(', ')
          : saved.reason;
      throw new ImportError(`the article could not be saved (${why})`);
    }
    if (options.publish) {
      const done = await transition(trx, {
        id: saved.id,
        action: 'publish',
        actor,
        now,
        timeZone: deps.timeZone,
      });
      if (!done.ok) throw new ImportError(`--publish: the article could not be published (${done.reason})`);
    }
    await trx
      .insertInto('page_imports')
      .values({ content_hash: page.hash, article_id: saved.id, source_name: basename(path), created_at: now })
      .execute();
    const row = await trx
      .selectFrom('articles')
      .select(['title', 'slug', 'status'])
      .where('id', '=', saved.id)
      .executeTakeFirstOrThrow();
    return {
      created: true,
      articleId: saved.id,
      title: row.title,
      paragraphs: page.paragraphs,
      status: row.status,
      categorySlug: category.slug,
      slug: row.slug,
    };
  });
}
