// What the sitemap queries hand to the web layer: plain rows with slugs and times.

export interface ArticleEntry {
  id: number;
  slug: string;
  categorySlug: string;
  updatedAt: number;
  /** The cover image: site-relative (/media/…) or absolute; null when there is none. */
  cover: string | null;
}

export interface NewsEntry extends ArticleEntry {
  title: string;
  publishedAt: number;
}

/** A tag or an author with published articles, and when the newest of them came out. */
export interface NamedEntry {
  id: number;
  slug: string;
  newest: number;
}

export interface CategoryEntry {
  id: number;
  slug: string;
  /** Newest publication in the category or any of its subcategories (the page lists those too). */
  newest: number | null;
}

export interface SectionEntries {
  categories: CategoryEntry[];
  /** Newest publication anywhere: the home page and the archive. */
  newest: number | null;
  /** Newest publication with a tag: the index of topics. */
  newestTagged: number | null;
}

/** One file of a split sitemap and the newest change in it. */
export interface SitemapPart {
  page: number;
  lastmod: number | null;
}

export interface SitemapOverview {
  articles: SitemapPart[];
  tags: SitemapPart[];
  authors: SitemapPart[];
  sections: number | null;
  /** Null when nothing was published in the news window (the file is then left out). */
  news: number | null;
}

/** An article row as the sitemaps read it from the articles_sitemap index. */
export interface ArticleRow {
  id: number;
  slug: string;
  category_id: number;
  updated_at: number;
  cover_url: string | null;
  cover_media_id: number | null;
}
