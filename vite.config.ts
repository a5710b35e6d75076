import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Static, client-side app: `npm run build` writes dist/, which any static host can serve.
export default defineConfig({
  base: "./",
  plugins: [react()],
  build: { target: "es2022" },
  // ES-module workers: their rarely needed parts (the wasm backend) split off as in the page.
  worker: { format: "es" },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
