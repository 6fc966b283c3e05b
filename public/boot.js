/*
 * Runs before the app, as a classic script: a frame sandboxed without allow-same-origin still runs it, while
 * the browser refuses the app's own (module) scripts there. If the app has not started once the page has loaded,
 * or the frame is sandboxed that way, the fallback says what the host page must allow, in the link's language,
 * with a link to the full atlas for the same plan and selection.
 */
(function () {
  var fallback = document.getElementById('boot-fallback');
  if (!fallback) return;
  var params = new URLSearchParams(location.hash.replace(/^#/, ''));
  var lang = params.get('lang') === 'en' ? 'en' : 'zh';
  var blocks = fallback.querySelectorAll('[data-lang]');
  for (var i = 0; i < blocks.length; i++) blocks[i].hidden = blocks[i].getAttribute('data-lang') !== lang;
  var keep = [];
  var plan = params.get('plan');
  var feature = params.get('feature');
  if (plan && /^[a-z0-9-]{1,60}$/.test(plan)) keep.push('plan=' + plan);
  if (feature && /^[a-z0-9-]{1,80}$/.test(feature)) keep.push('feature=' + feature);
  if (lang === 'en') keep.push('lang=en');
  var links = fallback.querySelectorAll('a.boot-open');
  for (var j = 0; j < links.length; j++) links[j].href = location.pathname + (keep.length ? '#' + keep.join('&') : '');
  var show = function () {
    if (document.documentElement.getAttribute('data-atlas-started') !== '1') fallback.hidden = false;
  };
  // An opaque origin ("null"): the browser will refuse the app's scripts unless the server allows any origin.
  if (window.origin === 'null') show();
  window.addEventListener('load', show);
})();
