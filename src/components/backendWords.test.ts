import { describe, expect, it } from "vitest";
import { backendWords } from "./backendWords";

describe("backendWords", () => {
  it("says processor, and why, when there is no graphics card, whichever backend runs", () => {
    const cpu = backendWords({ name: "cpu", fellBack: false, software: true, note: "" });
    expect(cpu.plain).toBe("your processor (no graphics card)");
    expect(cpu.technical).toMatch(/^TensorFlow\.js cpu backend: no GPU found/);
    const webgl = backendWords({ name: "webgl", fellBack: false, software: true, note: "" });
    expect(webgl.technical).toMatch(/WebGL backend, rendered in software/);
  });

  it("names a fallback taken because something failed as a fallback", () => {
    expect(backendWords({ name: "cpu", fellBack: true, note: "x" }).plain).toBe(
      "the slowest fallback",
    );
    expect(backendWords({ name: "webgl", fellBack: false, note: "" }).plain).toBe(
      "your graphics card",
    );
  });
});
