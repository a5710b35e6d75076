import {
  figure,
  printed,
  printFigure,
  type TrainingFigureMethod,
  trainingId,
} from "../publishedFigures";

/** The methods the published figures cover, with the name of each run they come from. */
export const PAPER_ROWS: { method: TrainingFigureMethod; name: string }[] = [
  { method: "pgd", name: "PGD-7 training (Madry et al.'s method)" },
  { method: "free", name: "Free training, m = 8 (Shafahi et al. 2019)" },
  { method: "fast", name: "Fast FGSM, random start (Wong et al. 2020)" },
];

/** A method's published clean and robust accuracy and time, and where they are printed. */
export function TheirCells({ method }: { method: TrainingFigureMethod }) {
  const clean = figure(trainingId(method, "clean"));
  const { source } = clean;
  return (
    <>
      <td data-label="their setting">{clean.setting}</td>
      <td data-label="their result">
        {/* One box: a reflowed (narrow-screen) cell lays its children out side by side. */}
        <span>
          {printFigure(clean)} clean, {printed(trainingId(method, "robust"))} robust,{" "}
          {printed(trainingId(method, "minutes"))} of training{" "}
          <span className="hint">
            (source: <a href={source.url}>{source.where}</a>)
          </span>
        </span>
      </td>
    </>
  );
}
