/**
 * The papers' own figures, with their settings, for comparison with the runs above. These are
 * theirs (CIFAR-10, large networks, GPUs), never ours; our numbers are in the measured table.
 */
export function PublishedFigures() {
  return (
    <section className="paper-figures" aria-label="Published figures">
      <h4>What the papers report (their setting, not ours)</h4>
      <table className="compare">
        <thead>
          <tr>
            <th scope="col">paper and method</th>
            <th scope="col">setting</th>
            <th scope="col">clean</th>
            <th scope="col">robust</th>
            <th scope="col">training time</th>
          </tr>
        </thead>
        <tbody>
          <tr className="paper-row">
            <th scope="row">Shafahi et al. 2019, free training, m = 8</th>
            <td>CIFAR-10, Wide ResNet, ε = 8/255</td>
            <td>85.96%</td>
            <td>46.33% (PGD-20)</td>
            <td>785 min</td>
          </tr>
          <tr className="paper-row">
            <th scope="row">Shafahi et al. 2019, 7-step PGD training</th>
            <td>same</td>
            <td>—</td>
            <td>comparable</td>
            <td>about 5,000 min</td>
          </tr>
          <tr className="paper-row">
            <th scope="row">Wong et al. 2020, fast FGSM (random start)</th>
            <td>CIFAR-10, PreAct ResNet-18, ε = 8/255</td>
            <td>—</td>
            <td>about 45% (PGD)</td>
            <td>12 min (6 min with all their speed-ups)</td>
          </tr>
        </tbody>
      </table>
      <p className="caption">
        Their times are for GPUs and networks thousands of times larger than ours; compare the
        ratios, not the minutes. Ours: MNIST digits, the model you picked, your ε, measured in this
        tab.
      </p>
    </section>
  );
}
