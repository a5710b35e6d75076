import "./vae.css";
import { vaeStore } from "../../store/vae";
import { Chapter } from "../Chapter";
import { VaeDemo } from "./VaeDemo";
import { VaeProse } from "./VaeProse";

const start = () => vaeStore.getState().actions.start();

/** Chapter 7: an imperceptible input change walks a VAE's latent code. */
export function VaeChapter() {
  return (
    <Chapter id="vae" sources={["kingma", "tabacof", "kos", "madry", "blog"]} onFirstView={start}>
      <div className="chapter-grid">
        <VaeProse />
        <VaeDemo />
      </div>
    </Chapter>
  );
}
