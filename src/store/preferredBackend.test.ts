import { describe, expect, it } from "vitest";
import { preferredBackend } from "./preferredBackend";

describe("preferredBackend", () => {
  it("is auto unless the address names a backend", () => {
    expect(preferredBackend("")).toBe("auto");
    expect(preferredBackend("?backend=metal")).toBe("auto");
    expect(preferredBackend("?x=1&backend=webgl")).toBe("webgl");
    expect(preferredBackend("?backend=cpu")).toBe("cpu");
  });
});
