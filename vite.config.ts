import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Static, client-side app: `npm run build` writes dist/, which any static host can serve.
export default defineConfig({
  base: "./",
  plugins: [react()],
  build: { target: "es2022" },
  // ES-module workers: their rarely needed parts (the wasm backend) split off as in the page.
  worker: { format: "es" },
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
