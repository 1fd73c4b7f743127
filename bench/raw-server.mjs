// The ceiling: a bare node:http server answering from memory with the bytes and headers the
// app sent for the same URLs. Started by bench/run.mjs with a JSON file of pages.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const pages = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byUrl = new Map(pages.map((p) => [p.url, { headers: p.headers, body: Buffer.from(p.body, 'base64') }]));
const server = createServer((req, res) => {
  const page = byUrl.get(req.url);
  if (!page) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { ...page.headers, 'content-length': page.body.length });
  res.end(page.body);
});
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: server.address().port });
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
