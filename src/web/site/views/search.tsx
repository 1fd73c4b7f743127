// The search page: the form (it works as a plain GET form), what was found, and paging.
import type { ArticleSummary, Category } from '../../../content/types.js';
import type { Segment } from '../../../search/snippets.js';
import { formatNumber, plural } from '../../../text/numbers.js';
import { type SearchForm, searchUrl } from '../search-params.js';
import { urls } from '../urls.js';
import { BreakingLabel, Meta, Picture } from './cards.js';
import type { Frame } from './frame.js';
import { Layout } from './layout.js';
import { Pager } from './listing.js';

export interface SearchHitView {
  article: ArticleSummary;
  title: Segment[];
  snippet: Segment[];
}

export interface SearchPageData {
  form: SearchForm;
  sections: Category[];
  tags: Array<{ slug: string; name: string }>;
  authors: Array<{ slug: string; name: string }>;
  errors: string[];
  /** A message instead of results: nothing found, only common words, nothing typed. */
  notice: string | null;
  hints: string[];
  hits: SearchHitView[];
  total: number;
  capped: boolean;
  pages: number;
  /** Whether a search ran (the summary line is shown). */
  searched: boolean;
}

function Marked({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s) => (s.hit ? <mark>{s.text}</mark> : s.text))}</>;
}

function Select({
  name,
  label,
  value,
  any,
  options,
}: {
  name: string;
  label: string;
  value: string;
  any: string;
  options: Array<{ value: string; label: string }>;
}) {
  return (
    <label class="search-field">
      <span>{label}</span>
      <select name={name}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function SearchFormView({ f, d }: { f: Frame; d: SearchPageData }) {
  const s = f.t.search;
  const form = d.form;
  const depth = (c: Category) => {
    let n = 0;
    let parent = c.parentId;
    while (parent !== null && n < 5) {
      n++;
      parent = d.sections.find((x) => x.id === parent)?.parentId ?? null;
    }
    return n;
  };
  const filtered = Boolean(form.section || form.tag || form.author || form.from || form.to);
  return (
    // biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for many readers' browsers
    <form class="search-form" method="get" action="/search" role="search">
      <label class="search-main" for="search-q">
        {s.label}
      </label>
      <div class="search-box">
        <input
          id="search-q"
          type="search"
          name="q"
          value={form.q}
          maxLength={200}
          placeholder={s.placeholder}
          aria-describedby="search-hint"
        />
        <button type="submit">{s.button}</button>
      </div>
      <p id="search-hint" class="hint">
        {s.hint}
      </p>
      <details class="search-filters" open={filtered || d.errors.length > 0}>
        <summary>{s.filters}</summary>
        <div class="search-filter-grid">
          <Select
            name="section"
            label={s.section}
            value={form.section}
            any={s.anySection}
            options={d.sections.map((c) => ({
              value: c.slug,
              label: `${'\u2003'.repeat(depth(c))}${c.name}`,
            }))}
          />
          <Select
            name="tag"
            label={s.tag}
            value={form.tag}
            any={s.anyTag}
            options={d.tags.map((t) => ({ value: t.slug, label: t.name }))}
          />
          <Select
            name="author"
            label={s.author}
            value={form.author}
            any={s.anyAuthor}
            options={d.authors.map((a) => ({ value: a.slug, label: a.name }))}
          />
          <label class="search-field">
            <span>{s.from}</span>
            <input type="date" name="from" value={form.from} />
          </label>
          <label class="search-field">
            <span>{s.to}</span>
            <input type="date" name="to" value={form.to} />
          </label>
          <fieldset class="search-field search-sort">
            <legend>{s.sort}</legend>
            <label>
              <input type="radio" name="sort" value="relevance" checked={form.sort === 'relevance'} />{' '}
              {s.byRelevance}
            </label>
            <label>
              <input type="radio" name="sort" value="date" checked={form.sort === 'date'} /> {s.byDate}
            </label>
          </fieldset>
        </div>
        <p class="search-filter-actions">
          <button type="submit">{s.apply}</button>
          {filtered ? (
            <a href={searchUrl({ ...form, section: '', tag: '', author: '', from: '', to: '' })}>{s.clear}</a>
          ) : null}
        </p>
      </details>
    </form>
  );
}

function Hit({ f, hit }: { f: Frame; hit: SearchHitView }) {
  const a = hit.article;
  return (
    <article class="row search-hit">
      <div class="row-pic">
        <Picture a={a} size="card" />
      </div>
      <div class="row-body">
        <h2 class="card-title">
          <BreakingLabel f={f} a={a} />
          <a href={urls.article(a)}>
            <Marked segments={hit.title} />
          </a>
        </h2>
        {hit.snippet.length > 0 ? (
          <p class="search-snippet">
            <Marked segments={hit.snippet} />
          </p>
        ) : null}
        <Meta f={f} a={a} />
      </div>
    </article>
  );
}

export function SearchPage({ frame: f, data: d }: { frame: Frame; data: SearchPageData }) {
  const s = f.t.search;
  const n = (x: number) => formatNumber(x, f.locale);
  const title = d.form.q ? `${s.title}: ${d.form.q}` : s.title;
  return (
    <Layout frame={f} title={title} description={s.label} noindex>
      <header class="listing-head">
        <h1 class="listing-title">{s.title}</h1>
      </header>
      {d.errors.length > 0 ? (
        <div class="form-errors" role="alert">
          <p>{s.errorsTitle}</p>
          <ul>
            {d.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <SearchFormView f={f} d={d} />
      {d.searched && d.hits.length > 0 ? (
        <p class="search-summary" role="status">
          {s.results(plural(d.total, s.resultForms, f.locale), d.form.q)}
          {d.capped ? ` ${s.moreThan(n(d.total))}` : ''}
        </p>
      ) : null}
      {d.notice || d.hints.length > 0 ? (
        <div class="search-notice" role="status">
          {d.notice ? <p>{d.notice}</p> : null}
          {d.hints.map((h) => (
            <p key={h} class="hint">
              {h}
            </p>
          ))}
        </div>
      ) : null}
      {d.hits.length > 0 ? (
        <div class="rows search-results">
          {d.hits.map((hit) => (
            <Hit key={hit.article.id} f={f} hit={hit} />
          ))}
        </div>
      ) : null}
      <Pager
        f={f}
        page={d.form.page}
        pages={d.pages}
        pageUrl={(p) => searchUrl(d.form, p)}
        labels={d.form.sort === 'date' ? undefined : { prev: s.prevPage, next: s.nextPage }}
      />
    </Layout>
  );
}
