import { describe, expect, it } from "vitest";
import { errorMessage, splitTechnical, withTechnical } from "./errorMessage";

describe("messages with a technical reason", () => {
  it("splits back into the plain words and the reason", () => {
    const message = withTechnical("The digits could not be loaded.", "HTTP 404 for data/x");
    expect(splitTechnical(message)).toEqual({
      plain: "The digits could not be loaded.",
      technical: "HTTP 404 for data/x",
    });
  });

  it("leaves a message without a reason whole", () => {
    expect(withTechnical("Plain.", "")).toBe("Plain.");
    expect(splitTechnical("Plain.")).toEqual({ plain: "Plain.", technical: null });
    expect(splitTechnical(errorMessage(new Error("x")))).toEqual({ plain: "x", technical: null });
  });
});
