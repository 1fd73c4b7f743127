// The one place the site outputs HTML without escaping. Only two kinds of string may come
// here: article bodies that passed the sanitizer when saved, and comment text that
// commentToHtml escaped and linkified.
export function RawHtml({ html, class: className }: { html: string; class?: string }) {
  return <div class={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
