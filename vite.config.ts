import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";

/** Hosts of the models the reader may load later (chapter 1's MobileNet v2, chapter 4's Darknet). */
const MODEL_HOSTS = ["tfhub.dev", "www.kaggle.com", "storage.googleapis.com", "cdn.jsdelivr.net"];
const MODEL_URL = new RegExp(
  `^https://(${MODEL_HOSTS.map((h) => h.replaceAll(".", "\\.")).join("|")})/`,
);

/** A worker's entry module (`new Worker(new URL("…/worker.ts", import.meta.url))`). */
const WORKER_ENTRY = /[\\/]src[\\/]workers[\\/]\w+[\\/]worker\.ts$/;

/**
 * The page's Content-Security-Policy, as a meta tag in the built page (the dev server injects
 * inline scripts of its own, so it goes without). Scripts, workers and styles only from the app's
 * origin, no inline script; fetches only from it and the model hosts; images from it and from
 * the reader's own files (blob:, for downloads).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  `connect-src 'self' ${MODEL_HOSTS.map((h) => `https://${h}`).join(" ")}`,
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

const cspMeta = (): Plugin => ({
  name: "gibbon-csp",
  apply: "build",
  transformIndexHtml: () => [
    {
      tag: "meta",
      attrs: { "http-equiv": "Content-Security-Policy", content: CSP },
      injectTo: "head-prepend",
    },
  ],
});

/**
 * Offline and installable: a Workbox service worker precaches the whole build (the app, its
 * workers, MNIST, the digit, VAE and smoothing weights, the default MobileNet, the photos), so
 * after one online visit every chapter works with the network off; models fetched later from
 * their hosts are cached as they arrive. Workbox skips files over its limit without a word
 * (2 MiB by default); none is near 8 MiB today, and the e2e offline test would catch one.
 */
const pwa = VitePWA({
  registerType: "prompt",
  injectRegister: false,
  includeAssets: ["icons/*.png"],
  manifest: {
    name: "Gibbon: adversarial examples, live in your browser",
    short_name: "Gibbon",
    description:
      "Drag epsilon and watch a real ImageNet classifier mistake a panda for a gibbon: an interactive explainer of adversarial examples.",
    theme_color: "#3b5bdb",
    background_color: "#ffffff",
    display: "standalone",
    start_url: "./",
    scope: "./",
    icons: [
      { src: "icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  },
  workbox: {
    globPatterns: ["**/*.{js,css,html,wasm,json,bin,gz,tsv,png,jpg,svg,woff2,webmanifest}"],
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    navigateFallback: "index.html",
    cleanupOutdatedCaches: true,
    runtimeCaching: [
      {
        urlPattern: MODEL_URL,
        handler: "CacheFirst",
        options: {
          cacheName: "gibbon-remote-models",
          expiration: { maxEntries: 80 },
          cacheableResponse: { statuses: [200] },
        },
      },
    ],
  },
});

// Static, client-side app: `npm run build` writes dist/, which any static host can serve.
export default defineConfig({
  base: "./",
  plugins: [react(), pwa, cspMeta()],
  build: { target: "es2022" },
  // ES-module workers: their rarely needed parts (the tfjs backends) split off as in the page.
  // The worker's entry chunk must hold only the entry module: a lazy chunk that imports
  // bindings back from the entry chunk makes WebKit evaluate the entry a second time (a second
  // set of handlers answering the page), so everything the entry reaches statically goes into
  // a chunk of its own that both import.
  worker: {
    format: "es",
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: "worker-main", tags: ["$initial"], test: (id) => !WORKER_ENTRY.test(id) },
          ],
        },
      },
    },
  },
  // The dev server pre-bundles these in one pass, so every worker shares one tfjs-core. The
  // page imports none of them; found later, in a worker, they were bundled apart, and the
  // engine then had two copies ("Cannot evaluate flag 'DEBUG'").
  optimizeDeps: {
    include: [
      "@tensorflow/tfjs-core",
      "@tensorflow/tfjs-core/dist/register_all_gradients",
      "@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops",
      "@tensorflow/tfjs-backend-webgl",
      "@tensorflow/tfjs-backend-cpu",
      "@tensorflow/tfjs-backend-wasm",
      "@tensorflow/tfjs-converter",
      "@tensorflow/tfjs-layers",
    ],
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
