// tfjs-core decodes every query parameter (looking for its debug flags) with an unguarded
// decodeURIComponent as soon as it loads: one malformed escape (?ref=100%) would throw and
// leave a blank page. Parameters that do not decode are dropped before any module runs; how many
// were dropped is left in window.gibbonDroppedQuery for the page's notice about the link.
(() => {
  var query = location.search;
  if (!query) return;
  var kept = query
    .slice(1)
    .split("&")
    .filter((pair) => {
      try {
        decodeURIComponent(pair);
        return true;
      } catch {
        return false;
      }
    });
  window.gibbonDroppedQuery = query.slice(1).split("&").length - kept.length;
  var clean = kept.length ? `?${kept.join("&")}` : "";
  if (clean !== query)
    history.replaceState(history.state, "", location.pathname + clean + location.hash);
})();
