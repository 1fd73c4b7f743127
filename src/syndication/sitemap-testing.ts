// For the sitemap tests: validation with xmllint against the sitemaps.org schemas, which CI keeps
// beside the repository (../shared/fixtures/xsd). sitemap.xsd admits other namespaces' elements
// only with processContents="strict", so news and image entries need their own schemas
// (sitemap-schemas/), joined with sitemap.xsd by a small wrapper schema written per run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IMAGE_NS, NEWS_NS, SITEMAP_NS } from './sitemaps.js';

const FIXTURES = resolve('..', 'shared', 'fixtures', 'xsd');
const OWN = resolve('src', 'syndication', 'sitemap-schemas');

function fixture(name: string): string {
  const file = join(FIXTURES, name);
  if (!existsSync(file))
    throw new Error(`the sitemap schema ${file} is missing: the tests need ../shared/fixtures/xsd`);
  return file;
}

let combined: string | null = null;

/** sitemap.xsd together with the news and image extensions. */
function combinedSchema(): string {
  if (combined) return combined;
  const imports = [
    [SITEMAP_NS, fixture('sitemap.xsd')],
    [NEWS_NS, join(OWN, 'news.xsd')],
    [IMAGE_NS, join(OWN, 'image.xsd')],
  ]
    .map(
      ([ns, file]) => `  <xsd:import namespace="${ns}" schemaLocation="${pathToFileURL(file ?? '').href}"/>`,
    )
    .join('\n');
  const file = join(mkdtempSync(join(tmpdir(), 'vestnik-xsd-')), 'sitemap-all.xsd');
  writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>\n<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n${imports}\n</xsd:schema>\n`,
  );
  combined = file;
  return file;
}

export type SitemapSchema = 'urlset' | 'index' | 'urlset+extensions';

/** xmllint's verdict on a document: ok, and its complaints when not. */
export function validateSitemap(xml: string, schema: SitemapSchema): { ok: boolean; errors: string } {
  const xsd =
    schema === 'index'
      ? fixture('siteindex.xsd')
      : schema === 'urlset'
        ? fixture('sitemap.xsd')
        : combinedSchema();
  const run = spawnSync('xmllint', ['--noout', '--schema', xsd, '-'], { input: xml, encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint did not run: ${run.error.message}`);
  return { ok: run.status === 0, errors: run.stderr };
}

/** The text of every <loc> directly under <url> or <sitemap> (not image locs). */
export function locsOf(xml: string): string[] {
  return [...xml.matchAll(/<(?:url|sitemap)><loc>([^<]*)<\/loc>/g)].map((m) => m[1] ?? '');
}
