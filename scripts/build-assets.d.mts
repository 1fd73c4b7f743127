export function buildAssets(
  outRoot?: string,
): Promise<{ dir: string; files: string[]; manifest: { css: string; js: string } }>;
