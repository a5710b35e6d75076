import { reportIgnored } from "./notice";

/**
 * Opens a shared link: parses the query defensively (`brokenPairs` were dropped before the app
 * loaded, see public/query-guard.js), applies what is valid to the stores and
 * names the rest in one notice. The schema and the bindings are fetched only for a link.
 */
export async function restoreFromLink(search: string, brokenPairs = 0): Promise<void> {
  const [{ parseUrlState }, { appUrlStores, applyUrlValues }] = await Promise.all([
    import("./schema"),
    import("./bindings"),
  ]);
  const { values, ignored } = parseUrlState(search);
  applyUrlValues(values, appUrlStores());
  const broken = brokenPairs > 0 ? [`${brokenPairs} part(s) with broken %-encoding`] : [];
  reportIgnored([...broken, ...ignored]);
}
