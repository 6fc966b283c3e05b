/** The iframe code a web editor pastes into a page: the current plan and view, in the minimal embed view. */
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function embedUrl(location: { origin: string; pathname: string; hash: string }): string {
  const hash = location.hash.replace(/(^#|&)embed=1/g, '').replace(/^#&/, '#');
  return `${location.origin}${location.pathname}?embed=1${hash && hash !== '#' ? hash : ''}`;
}

/** The full atlas for the same view, for the embed's "open the full atlas" link. */
export function fullAtlasUrl(location: { origin: string; pathname: string; hash: string }): string {
  const hash = location.hash.replace(/&?embed=1/g, '').replace(/^#&/, '#');
  return `${location.origin}${location.pathname}${hash && hash !== '#' ? hash : ''}`;
}

export function iframeCode(url: string, title: string, height = 600): string {
  return `<iframe src="${escapeAttr(url)}" title="${escapeAttr(title)}" width="100%" height="${height}" style="border:0;max-width:100%" loading="lazy" allow="fullscreen" sandbox="allow-scripts allow-same-origin allow-popups"></iframe>`;
}
