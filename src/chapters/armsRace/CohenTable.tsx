import { Scroller } from "../../components/Scroller";
import { COHEN_RADII, COHEN_SIGMAS, cohenId, figure, printFigure } from "../publishedFigures";

/** Cohen et al.'s certified accuracy on ImageNet, read from the list of published figures. */
export function CohenTable() {
  const source = figure(cohenId(COHEN_SIGMAS[0], 0)).source;
  return (
    <Scroller label="Cohen et al.'s certified accuracy">
      <table className="paper-table" aria-label="Cohen et al.'s certified accuracy on ImageNet">
        <caption>
          Cohen et al.'s figures (ImageNet, ResNet-50, 500 test images, n₀ = 100, n = 100,000, α =
          0.001; radii in [0,1] pixel units over 224×224×3 inputs), as printed in{" "}
          <a href={source.url}>{source.where}</a>. The repository's LaTeX table
          (analysis/latex/vary_noise_imagenet) rounds two of them differently: 37% and 29% at σ =
          0.50, r = 1.0 and 1.5.
        </caption>
        <thead>
          <tr>
            <th scope="col">σ</th>
            {COHEN_RADII.map((r) => (
              <th scope="col" key={r}>
                r = {r.toFixed(1)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {COHEN_SIGMAS.map((sigma) => (
            <tr key={sigma}>
              <th scope="row">{sigma}</th>
              {COHEN_RADII.map((r) => (
                <td key={r}>{printFigure(figure(cohenId(sigma, r)))}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Scroller>
  );
}
