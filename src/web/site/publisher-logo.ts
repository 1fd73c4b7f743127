// The raster logo search engines show as the publisher of every article: made at build time by
// scripts/publisher-logo.mjs under this name and size (Google takes no SVG here).
export const PUBLISHER_LOGO = { path: '/assets/publisher-logo.png', width: 512, height: 512 } as const;
