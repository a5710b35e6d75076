// Copies the tfjs wasm backend's binaries into public/ so the static app can serve them
// (the wasm backend is the fallback when WebGL is unavailable). Run by predev/prebuild.
import { cpSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";

const from = join(
  import.meta.dirname,
  "..",
  "node_modules",
  "@tensorflow",
  "tfjs-backend-wasm",
  "dist",
);
const to = join(import.meta.dirname, "..", "public", "tfjs-wasm");
mkdirSync(to, { recursive: true });
for (const f of readdirSync(from).filter((f) => f.endsWith(".wasm")))
  cpSync(join(from, f), join(to, f));
