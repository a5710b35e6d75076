import "./TechTerm.css";
import { type ReactNode, useState } from "react";

/**
 * A plain word for a technical one ("your graphics card"): a mouse shows the technical name on
 * hover (its title), and a tap, a click or Enter spells it out beside the word, so a phone or a
 * keyboard reaches it too.
 */
export function TechTerm({ children, technical }: { children: ReactNode; technical: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="tech-term"
        title={technical}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {children}
      </button>
      {open && <span className="tech-detail"> ({technical})</span>}
    </>
  );
}
