import { ChapterHeader } from "../../components/nav/ChapterHeader";
import "./vae.css";
import { useRef } from "react";
import { useWhenVisible } from "../../components/useWhenVisible";
import { vaeStore } from "../../store/vae";
import { Citations } from "../Citations";
import { VaeDemo } from "./VaeDemo";
import { VaeProse } from "./VaeProse";

const start = () => vaeStore.getState().actions.start();

/** Chapter 7: an imperceptible input change walks a VAE's latent code. */
export function VaeChapter() {
  const ref = useRef<HTMLElement>(null);
  useWhenVisible(ref, start);
  return (
    <article className="chapter" id="vae" aria-labelledby="vae-title" ref={ref}>
      <ChapterHeader id="vae" />
      <div className="chapter-grid">
        <VaeProse />
        <VaeDemo />
      </div>
      <footer>
        <h3>Sources</h3>
        <Citations keys={["kingma", "tabacof", "kos", "madry", "blog"]} />
      </footer>
    </article>
  );
}
