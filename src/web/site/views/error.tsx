// 400, 403, 404, 429 and 500 pages in the site's look.
import { urls } from '../urls.js';
import type { Frame } from './frame.js';
import { Layout } from './layout.js';

export function ErrorPage({
  frame: f,
  status,
  title,
  text,
}: {
  frame: Frame;
  status: number;
  title: string;
  text: string;
}) {
  return (
    <Layout frame={f} title={title} noindex sidebar={status === 404}>
      <section class="error-page">
        <p class="error-code">{status}</p>
        <h1 class="listing-title">{title}</h1>
        <p>{text}</p>
        <p>
          <a class="button" href={urls.home()}>
            {f.t.home}
          </a>
        </p>
      </section>
    </Layout>
  );
}
