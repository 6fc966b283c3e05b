/*
 * Runs before the app, inline in the page (vite.config.ts puts it there, allowed by its hash in the page's
 * policy), so it runs even where none of the app's files can be fetched. A frame sandboxed without
 * allow-same-origin still runs it, while the browser refuses the app's own (module) scripts there.
 * - A page opened without its trailing slash (`…/atlas` for `…/atlas/`) asks for its files one folder too high,
 *   and cannot start: it is opened again with the slash, keeping the query and the hash.
 * - Otherwise, if the app has not started once the page has loaded, or the frame is sandboxed that way, the
 *   fallback tells the reader in one line (with a link to the full atlas for the same plan and selection) and
 *   the site's editor, in smaller type, what to change — in the link's language, and only the true reason.
 */
(function () {
  var fallback = document.getElementById('boot-fallback');
  if (!fallback) return;
  var params = new URLSearchParams(location.hash.replace(/^#/, ''));
  var lang = params.get('lang') === 'en' ? 'en' : 'zh';
  var opaque = window.origin === 'null';
  var reason = opaque ? 'sandbox' : 'failed';
  var blocks = fallback.querySelectorAll('[data-lang]');
  for (var i = 0; i < blocks.length; i++)
    blocks[i].hidden = blocks[i].getAttribute('data-lang') !== lang || blocks[i].getAttribute('data-reason') !== reason;
  var keep = [];
  var plan = params.get('plan');
  var feature = params.get('feature');
  if (plan && /^[a-z0-9-]{1,60}$/.test(plan)) keep.push('plan=' + plan);
  if (feature && /^[a-z0-9-]{1,80}$/.test(feature)) keep.push('feature=' + feature);
  if (lang === 'en') keep.push('lang=en');
  var path = location.pathname;
  var noSlash = /^https?:$/.test(location.protocol) && !/\/$/.test(path) && !/\.[a-z0-9]+$/i.test(path);
  var links = fallback.querySelectorAll('a.boot-open');
  for (var j = 0; j < links.length; j++) links[j].href = path + (noSlash ? '/' : '') + (keep.length ? '#' + keep.join('&') : '');
  var started = function () {
    return document.documentElement.getAttribute('data-atlas-started') === '1';
  };
  var show = function () {
    if (started()) return;
    if (noSlash && !opaque) {
      location.replace(path + '/' + location.search + location.hash);
      return;
    }
    fallback.hidden = false;
  };
  // An opaque origin ("null"): the browser will refuse the app's scripts unless the server allows any origin.
  if (opaque) show();
  window.addEventListener('load', show);
})();
