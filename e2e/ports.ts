/**
 * The suite's local ports. GIBBON_E2E_PORT moves them all, so two checkouts (or two people) can
 * run suites side by side: the preview server, `npm run dev`'s server, the relay the WebKit and
 * Firefox runs reach the app through (e2e/browsers/network.ts), and WebKitWebDriver.
 */
export const previewPort = Number(process.env.GIBBON_E2E_PORT ?? 4173);
export const devPort = previewPort + 1;
export const relayPort = previewPort + 2;
export const webkitDriverPort = previewPort + 3;
