// Reads a feed the way feed readers do: Debian's Universal Feed Parser (python3-feedparser), run
// on the text and answering in JSON. Tests check what a real client makes of our feeds. That
// feedparser (6.0) knows no JSON Feed, so a JSON document is read by the JSON Feed 1.1 rules in
// the same script, into the same shape.
import { spawn } from 'node:child_process';

export interface ParsedEntry {
  title: string | null;
  link: string | null;
  id: string | null;
  /** Epoch ms, from the parser's UTC time tuple. */
  published: number | null;
  updated: number | null;
  authors: { name: string | null; href: string | null }[];
  enclosures: { href: string | null; length: string | null; type: string | null }[];
  content: { type: string; value: string }[];
  summary: string | null;
  tags: string[];
}

export interface ParsedFeed {
  bozo: number;
  bozoException: string | null;
  version: string;
  feed: { title: string | null; link: string | null; language: string | null; updated: number | null };
  /** The feed's own links (rel="self" and the like). */
  links: { rel: string | null; href: string | null }[];
  entries: ParsedEntry[];
}

const SCRIPT = `
import calendar, html, json, sys
import feedparser
from feedparser.datetimes import _parse_date

def ms(t):
    return calendar.timegm(t) * 1000 if t else None

# A title marked as HTML is shown as HTML: "&amp;" is what a reader sees as "&".
def shown(e, key):
    value = e.get(key)
    detail = e.get(key + "_detail") or {}
    return html.unescape(value) if value is not None and detail.get("type") == "text/html" else value

def xml_feed(raw):
    d = feedparser.parse(raw)
    f = d.feed
    return {
        "bozo": int(d.bozo),
        "bozoException": str(d.get("bozo_exception")) if d.bozo else None,
        "version": d.version,
        "feed": {
            "title": f.get("title"),
            "link": f.get("link"),
            "language": f.get("language"),
            "updated": ms(f.get("updated_parsed")),
        },
        "links": [{"rel": l.get("rel"), "href": l.get("href")} for l in f.get("links", [])],
        "entries": [
            {
                "title": shown(e, "title"),
                "link": e.get("link"),
                "id": e.get("id"),
                "published": ms(e.get("published_parsed")),
                "updated": ms(e.get("updated_parsed")),
                "authors": [{"name": a.get("name"), "href": a.get("href")} for a in e.get("authors", [])],
                "enclosures": [
                    {"href": x.get("href"), "length": x.get("length"), "type": x.get("type")}
                    for x in e.get("enclosures", [])
                ],
                "content": [{"type": c.get("type"), "value": c.get("value")} for c in e.get("content", [])],
                "summary": e.get("summary"),
                "tags": [t.get("term") for t in e.get("tags", [])],
            }
            for e in d.entries
        ],
    }

# Debian's feedparser (6.0) predates JSON Feed: a JSON document is read here, by the rules of
# https://jsonfeed.org/version/1.1, into the same shape, with every broken rule making it "bozo".
VERSIONS = {"https://jsonfeed.org/version/1": "json1", "https://jsonfeed.org/version/1.1": "json11"}

def json_feed(doc):
    problems = []
    def need(cond, what):
        if not cond:
            problems.append(what)
    def text(obj, key, required=False):
        v = obj.get(key)
        need(isinstance(v, str) if (required or v is not None) else True, key)
        return v if isinstance(v, str) else None
    def date(obj, key):
        v = text(obj, key)
        if v is None:
            return None
        t = _parse_date(v)
        need(t is not None and "T" in v, key + " is not RFC 3339")
        return ms(t)
    need(isinstance(doc, dict), "not an object")
    doc = doc if isinstance(doc, dict) else {}
    version = VERSIONS.get(doc.get("version"), "")
    need(version != "", "version")
    text(doc, "title", True)
    for key in ("home_page_url", "feed_url", "description", "language", "icon", "favicon"):
        text(doc, key)
    items = doc.get("items")
    need(isinstance(items, list), "items")
    entries = []
    for e in items if isinstance(items, list) else []:
        need(isinstance(e, dict), "item")
        e = e if isinstance(e, dict) else {}
        need(isinstance(e.get("id"), str), "item id")
        need(isinstance(e.get("content_html"), str) or isinstance(e.get("content_text"), str), "item content")
        authors = e.get("authors", [])
        need(isinstance(authors, list) and all(isinstance(a, dict) for a in authors), "item authors")
        attachments = e.get("attachments", [])
        for a in attachments:
            need(isinstance(a.get("url"), str) and isinstance(a.get("mime_type"), str), "attachment")
        tags = e.get("tags", [])
        need(isinstance(tags, list) and all(isinstance(t, str) for t in tags), "item tags")
        content = e.get("content_html")
        entries.append({
            "title": text(e, "title"),
            "link": text(e, "url"),
            "id": e.get("id"),
            "published": date(e, "date_published"),
            "updated": date(e, "date_modified"),
            "authors": [{"name": a.get("name"), "href": a.get("url")} for a in authors],
            "enclosures": [
                {
                    "href": a.get("url"),
                    "length": str(a["size_in_bytes"]) if "size_in_bytes" in a else None,
                    "type": a.get("mime_type"),
                }
                for a in attachments
            ],
            "content": [{"type": "text/html", "value": content}] if isinstance(content, str) else [],
            "summary": text(e, "summary") or text(e, "content_text"),
            "tags": tags,
        })
    return {
        "bozo": 1 if problems else 0,
        "bozoException": ", ".join(problems) or None,
        "version": version,
        "feed": {
            "title": doc.get("title"),
            "link": doc.get("home_page_url"),
            "language": doc.get("language"),
            "updated": None,
        },
        "links": [{"rel": "self", "href": doc.get("feed_url")}] if doc.get("feed_url") else [],
        "entries": entries,
    }

raw = sys.stdin.buffer.read()
try:
    doc = json.loads(raw)
except ValueError:
    doc = None
json.dump(json_feed(doc) if doc is not None else xml_feed(raw), sys.stdout, ensure_ascii=False)
`;

/** Debian's python3 has feedparser; the one first on PATH may be another. */
const PYTHON = '/usr/bin/python3';

export function parseFeed(text: string): Promise<ParsedFeed> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, ['-c', SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`feedparser failed (${code}): ${Buffer.concat(err).toString('utf8')}`));
        return;
      }
      resolve(JSON.parse(Buffer.concat(out).toString('utf8')) as ParsedFeed);
    });
    child.stdin.end(text, 'utf8');
  });
}
