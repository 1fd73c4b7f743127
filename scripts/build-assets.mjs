// Bundles the browser script and the stylesheet with content-hashed names, writes .gz/.br
// copies for @fastify/static, and a manifest the server reads at start.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export async function buildAssets(outRoot = 'dist/public') {
  const out = join(outRoot, 'assets');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = await build({
    entryPoints: { site: 'src/web/assets/site.ts', style: 'src/web/assets/site.css' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['chrome100', 'firefox100', 'safari15'],
    write: false,
    outdir: out,
    logLevel: 'warning',
  });
  const manifest = {};
  for (const file of result.outputFiles) {
    const ext = file.path.endsWith('.css') ? 'css' : 'js';
    const hash = createHash('sha256').update(file.contents).digest('hex').slice(0, 10);
    const name = `${ext === 'css' ? 'site' : 'site'}.${hash}.${ext}`;
    writeFileSync(join(out, name), file.contents);
    writeFileSync(join(out, `${name}.gz`), gzipSync(file.contents, { level: 9 }));
    writeFileSync(join(out, `${name}.br`), brotliCompressSync(file.contents));
    manifest[ext] = name;
  }
  // The staff desk's island and styles: a separate build, so the reading site's files stay as they are.
  const admin = await build({
    entryPoints: { admin: 'src/web/assets/admin.ts', 'admin-style': 'src/web/assets/admin.css' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['chrome100', 'firefox100', 'safari15'],
    write: false,
    outdir: out,
    logLevel: 'warning',
  });
  for (const file of admin.outputFiles) {
    const ext = file.path.endsWith('.css') ? 'css' : 'js';
    const hash = createHash('sha256').update(file.contents).digest('hex').slice(0, 10);
    const name = `admin.${hash}.${ext}`;
    writeFileSync(join(out, name), file.contents);
    writeFileSync(join(out, `${name}.gz`), gzipSync(file.contents, { level: 9 }));
    writeFileSync(join(out, `${name}.br`), brotliCompressSync(file.contents));
    manifest[ext === 'css' ? 'adminCss' : 'adminJs'] = name;
  }
  // The article editor (tiptap): loaded only by the editor page, so no other page pays for it.
  const editor = await build({
    entryPoints: { editor: 'src/web/assets/editor/main.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['chrome100', 'firefox100', 'safari15'],
    write: false,
    outdir: out,
    logLevel: 'warning',
  });
  for (const file of editor.outputFiles) {
    const ext = file.path.endsWith('.css') ? 'css' : 'js';
    const hash = createHash('sha256').update(file.contents).digest('hex').slice(0, 10);
    const name = `editor.${hash}.${ext}`;
    writeFileSync(join(out, name), file.contents);
    writeFileSync(join(out, `${name}.gz`), gzipSync(file.contents, { level: 9 }));
    writeFileSync(join(out, `${name}.br`), brotliCompressSync(file.contents));
    manifest[ext === 'css' ? 'editorCss' : 'editorJs'] = name;
  }
  copyFileSync('src/web/assets/favicon.svg', join(out, 'favicon.svg'));
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return {
    dir: out,
    files: readdirSync(out),
    manifest: JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')),
  };
}
