import { useEffect, useId, useState } from "react";
import { ZOO, type ZooAttackId, zooIds, zooParams } from "../../engine/attacks/zoo/registry";
import {
  selectZooActions,
  selectZooChosen,
  selectZooEdits,
  selectZooSubject,
  useZoo,
} from "../../store/zoo";
import { domainOf } from "../../store/zoo/zooStore";
import { zooAnchor } from "./ZooExplainers";

const NORM = { linf: "L∞", l2: "L2", l0: "L0" } as const;

/**
 * A number field that lets the reader type freely: every parseable value is clamped into
 * [min, max] and committed; the text follows the store when the value changes from outside.
 */
function NumberField({
  id,
  value,
  min,
  max,
  integer,
  label,
  onCommit,
}: {
  id: string;
  value: number;
  min: number;
  max: number;
  integer?: boolean;
  label: string;
  onCommit: (v: number) => void;
}) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  return (
    <input
      id={id}
      type="number"
      min={min}
      max={max}
      step={integer ? 1 : "any"}
      value={text}
      aria-label={label}
      onChange={(e) => {
        const t = e.currentTarget.value;
        setText(t);
        const v = integer ? Math.round(Number(t)) : Number(t);
        if (t.trim() !== "" && Number.isFinite(v)) onCommit(Math.min(max, Math.max(min, v)));
      }}
      onBlur={() => setText(String(value))}
    />
  );
}

/** One attack's settings as number fields, from its registry ranges; "defaults" puts them back. */
function AttackSettings({ id }: { id: ZooAttackId }) {
  const actions = useZoo(selectZooActions);
  const domain = domainOf(useZoo(selectZooSubject));
  const edits = useZoo(selectZooEdits)[domain][id];
  const values = zooParams(id, edits, domain);
  const base = useId();
  return (
    <details className="zoo-settings">
      <summary>settings</summary>
      {Object.entries(ZOO[id].params).map(([key, p]) => (
        <span key={key} className="field">
          <label htmlFor={`${base}-${key}`}>{p.label}</label>{" "}
          <NumberField
            id={`${base}-${key}`}
            value={values[key]}
            min={p.min}
            max={p.max}
            integer={p.integer}
            label={`${ZOO[id].name}: ${p.label}`}
            onCommit={(v) => actions.setParam(id, key, v)}
          />
          {key === "eps" && <span className="hint"> = {(values.eps * 255).toFixed(1)}/255</span>}
        </span>
      ))}
      {edits && (
        <button type="button" className="button secondary" onClick={() => actions.resetParams(id)}>
          Defaults
        </button>
      )}
    </details>
  );
}

/** The attacks on offer for the current subject, each a checkbox named by the attack. */
export function ZooAttackPicker() {
  const actions = useZoo(selectZooActions);
  const domain = domainOf(useZoo(selectZooSubject));
  const chosen = useZoo(selectZooChosen)[domain];
  return (
    <fieldset className="zoo-picker">
      <legend>Attacks to compare</legend>
      <ul>
        {zooIds(domain).map((id) => (
          <li key={id}>
            <label>
              <input
                type="checkbox"
                checked={chosen.includes(id)}
                onChange={(e) => actions.toggle(id, e.currentTarget.checked)}
              />
              {ZOO[id].name}
            </label>{" "}
            <span className="zoo-norm">
              {NORM[ZOO[id].norm]}
              {ZOO[id].targeted ? ", targeted" : ""}
            </span>{" "}
            <a href={`#${zooAnchor(id)}`}>
              how it works<span className="visually-hidden"> ({ZOO[id].name})</span>
            </a>
            <AttackSettings id={id} />
          </li>
        ))}
      </ul>
      {domain === "photo" && (
        <p className="hint">
          JSMA is offered on digits only: it ranks pairs of pixels, and a photo has about 10¹⁰ of
          them.
        </p>
      )}
    </fieldset>
  );
}
