#!/usr/bin/env node
// The `vestnik` command; the code lives in dist/cli.js (built by `npm install` / `npm run build`).
import('../dist/cli.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('vestnik: not built yet — run `npm run build` first.');
    process.exit(1);
  }
  throw err;
});
