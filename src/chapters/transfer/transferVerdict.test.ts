import { describe, expect, it } from "vitest";
import { GIANT_PANDA, GIBBON } from "../../engine/models/classNames";
import { transferVerdict, type VerdictAttack } from "./transferVerdict";

const DARKNET = { id: "darknet_tiny", name: "Darknet tiny" };
const INDRI = 384;

/** 1000 probabilities with the given entries, the rest spread evenly. */
function probs(entries: Record<number, number>): Float32Array {
  const p = new Float32Array(1000);
  const rest = 1 - Object.values(entries).reduce((a, b) => a + b, 0);
  p.fill(rest / (1000 - Object.keys(entries).length));
  for (const [k, v] of Object.entries(entries)) p[Number(k)] = v;
  return p;
}

const attack = (over: Partial<VerdictAttack> = {}): VerdictAttack => ({
  epsLevel: 8,
  targetClass: null,
  sourceId: "mobilenet_v1_025",
  sourceName: "MobileNet v1 0.25",
  sourceCleanTop1: GIANT_PANDA,
  sourceAdvTop1: INDRI,
  ...over,
});

const clean = probs({ [GIANT_PANDA]: 0.9, [GIBBON]: 0.01 });

describe("transferVerdict", () => {
  it("untargeted: transfers when the second model's top-1 changes, with its confidence drop", () => {
    const v = transferVerdict(
      attack(),
      DARKNET,
      clean,
      probs({ [GIANT_PANDA]: 0.2, [INDRI]: 0.5 }),
    );
    expect(v.outcome).toBe("transfers");
    expect(v.detail).toContain("changed from giant panda to indri");
    expect(v.detail).toContain("from 90.0% to 20.0% (fell by 70.0 points)");
    expect(v.note).toBeNull();
  });

  it("untargeted: does not transfer when the top-1 stays, and says how far confidence fell", () => {
    const v = transferVerdict(attack(), DARKNET, clean, probs({ [GIANT_PANDA]: 0.85 }));
    expect(v.outcome).toBe("does-not-transfer");
    expect(v.detail).toContain("still answers giant panda");
    expect(v.detail).toContain("fell by 5.0 points");
  });

  it("targeted: succeeds only if the top-1 becomes the target", () => {
    const t = attack({ targetClass: GIBBON, sourceAdvTop1: GIBBON });
    const hit = transferVerdict(t, DARKNET, clean, probs({ [GIBBON]: 0.6 }));
    expect(hit.outcome).toBe("transfers");
    expect(hit.detail).toContain("now answers gibbon");
    const miss = transferVerdict(t, DARKNET, clean, probs({ [INDRI]: 0.6, [GIBBON]: 0.1 }));
    expect(miss.outcome).toBe("does-not-transfer");
    expect(miss.detail).toContain("changed from giant panda to indri, not to gibbon");
    expect(miss.detail).toContain("of gibbon went from 1.0% to 10.0%");
    expect(miss.detail).toContain("just not toward gibbon");
    const kept = transferVerdict(t, DARKNET, clean, probs({ [GIANT_PANDA]: 0.8 }));
    expect(kept.detail).toMatch(/^Darknet tiny still answers giant panda, not gibbon: /);
    expect(kept.detail).toContain("fell by 10.0 points");
  });

  it("notes when the attack has not fooled its own model, and handles eps 0 and same model", () => {
    const weak = attack({ sourceAdvTop1: GIANT_PANDA });
    expect(transferVerdict(weak, DARKNET, clean, clean).note).toMatch(/not changed MobileNet/);
    expect(transferVerdict(attack({ epsLevel: 0 }), DARKNET, clean, clean).outcome).toBe(
      "no-attack",
    );
    const already = attack({ targetClass: GIANT_PANDA });
    expect(transferVerdict(already, DARKNET, clean, clean).outcome).toBe("no-attack");
    const self = attack({ sourceId: "darknet_tiny" });
    expect(transferVerdict(self, DARKNET, clean, clean).outcome).toBe("same-model");
  });
});
