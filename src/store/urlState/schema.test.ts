import { describe, expect, it } from "vitest";
import { DIGIT_CLASSES } from "../../engine/digits/digitModels";
import { DIGIT_CLASS_COUNT } from "../digits/robustnessLevels";
import {
  formatValue,
  parseUrlState,
  serializeUrlState,
  URL_LIMITS,
  URL_SCHEMA,
  type UrlValue,
  type UrlValues,
} from "./schema";

/** Parses `search` and checks the values exactly and that every report matches its pattern. */
function expectParse(search: string, values: Partial<UrlValues>, reports: (string | RegExp)[]) {
  const out = parseUrlState(search);
  expect(out.values).toEqual(values);
  expect(out.ignored).toHaveLength(reports.length);
  reports.forEach((r, i) => {
    if (typeof r === "string") expect(out.ignored[i]).toBe(r);
    else expect(out.ignored[i]).toMatch(r);
  });
  return out;
}

/** Code points a report must never hold: control characters and bidi overrides. */
const HIDDEN = /[\p{Cc}\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u;

describe("parseUrlState, on hostile links", () => {
  it("1. a script tag as a key is an unknown key, quoted as plain text", () => {
    expectParse("?<script>alert(1)</script>=1", {}, ['unknown key "<script>alert(1)</script>"']);
  });

  it("2. a script tag as a value is not a number", () => {
    expectParse("?eps=<script>alert(1)</script>", {}, [
      'eps: "<script>alert(1)</script>" is not a whole number',
    ]);
  });

  it("3. %-encoded HTML in a key is decoded for the report only", () => {
    expectParse("?%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E=1&atk=fgsm", { atk: "fgsm" }, [
      'unknown key "<img src=x onerror=alert(1)>"',
    ]);
  });

  it("4. HTML in every key is unknown, HTML in every value is refused", () => {
    const html = encodeURIComponent('<b onmouseover="x()">');
    const keys = URL_SCHEMA.map((e) => `${encodeURIComponent(`${e.key}<i>`)}=1`).join("&");
    const keyOut = parseUrlState(keys);
    expect(keyOut.values).toEqual({});
    expect(keyOut.ignored).toEqual(URL_SCHEMA.map((e) => `unknown key "${e.key}<i>"`));
    const valueOut = parseUrlState(URL_SCHEMA.map((e) => `${e.key}=${html}`).join("&"));
    expect(valueOut.values).toEqual({});
    expect(valueOut.ignored).toHaveLength(URL_SCHEMA.length);
    URL_SCHEMA.forEach((e, i) => {
      expect(valueOut.ignored[i].startsWith(`${e.key}: `)).toBe(true);
      expect(valueOut.ignored[i]).toContain('"<b onmouseover="x()">"');
    });
  });

  it("5. a huge number is clamped to the largest epsilon, and said so", () => {
    expectParse("eps=99999999999999999999999", { eps: 32 }, ["eps (clamped to 32)"]);
  });

  it("6. negative numbers are clamped to the smallest allowed", () => {
    expectParse("eps=-5&it=-100&rs.r=-0.5", { eps: 0, it: 1, "rs.r": 0 }, [
      "eps (clamped to 0)",
      "it (clamped to 1)",
      "rs.r (clamped to 0)",
    ]);
  });

  it("7. NaN and Infinity are not numbers", () => {
    expectParse("eps=NaN&rs.r=Infinity&t.eps=-Infinity", {}, [
      'eps: "NaN" is not a whole number',
      'rs.r: "Infinity" is not a number',
      't.eps: "-Infinity" is not a whole number',
    ]);
  });

  it("8. 1e999 overflows to Infinity and is refused; 1e300 is clamped", () => {
    expectParse("rs.r=1e999&eps=1e3&tr.eps=1e300", { "tr.eps": 77 / 255 }, [
      'rs.r: "1e999" is not a number',
      'eps: "1e3" is not a whole number',
      `tr.eps (clamped to ${77 / 255})`,
    ]);
  });

  it("9. hexadecimal, padded and fractional whole numbers are refused", () => {
    expectParse("eps=0x10&it=%20%203%20&s.eps=3.7&l.eps=+4", {}, [
      'eps: "0x10" is not a whole number',
      'it: "  3 " is not a whole number',
      's.eps: "3.7" is not a whole number',
      'l.eps: " 4" is not a whole number',
    ]);
  });

  it("10. -0 is zero, with nothing to report", () => {
    const out = expectParse("eps=-0&rs.r=-0", { eps: 0, "rs.r": 0 }, []);
    expect(Object.is(out.values.eps, 0)).toBe(true);
    expect(Object.is(out.values["rs.r"], 0)).toBe(true);
  });

  it("11. unknown models, photos and digit models are refused", () => {
    expectParse("model=resnet9000&img=..%2F..%2Fetc%2Fpasswd&s.model=gpt&z.on=upload", {}, [
      'model: "resnet9000" is not one of mobilenet_v1_025, mobilenet_v2_100, darknet_tiny',
      'img: "../../etc/passwd" is not one of panda, cat, coffee',
      's.model: "gpt" is not one of softmax, mlp, cnn',
      'z.on: "upload" is not one of photo, softmax, mlp, cnn',
    ]);
  });

  it("12. unknown attack ids are left out of a list, the known ones kept in order", () => {
    expectParse("z.atk=cw,evil,fgsm,cw,<x>", { "z.atk": ["fgsm", "cw"] }, [
      'z.atk: unknown "evil", "<x>" left out',
    ]);
  });

  it("13. a list with no known item is refused as a whole", () => {
    expectParse("z.atk=rm%20-rf&tr.methods=magic", {}, [
      'z.atk: no known item in "rm -rf"',
      'tr.methods: no known item in "magic"',
    ]);
  });

  it("14. enums match whole words, case aside, and nothing else", () => {
    expectParse(
      "atk=PGD&t.atk=pgd%20&v.kind=VAE2&rs.kind=sigma",
      { atk: "pgd", "v.kind": "vae2" },
      [
        't.atk: "pgd " is not one of fgsm, pgd',
        'rs.kind: "sigma" is not one of sigma025, sigma050',
      ],
    );
  });

  it("15. numeric choices match their exact text", () => {
    expectParse(
      "rs.n=1e3&rs.alpha=0.0001&v.beta=0.25&d.eps=51.0&tr.budget=4",
      {
        "rs.alpha": 0.0001,
        "v.beta": 0.25,
      },
      [
        'rs.n: "1e3" is not one of 100, 1000, 10000, 100000',
        'd.eps: "51.0" is not one of 26, 51, 77',
        'tr.budget: "4" is not one of 1, 2, 3, 5, 10',
      ],
    );
  });

  it("16. booleans are 1/0 or true/false only", () => {
    expectParse("rs=yes", {}, ['rs: "yes" is not 1 or 0']);
    expectParse("rs=TRUE", { rs: true }, []);
  });

  it("17. a target class is a class index or none; out of range is clamped", () => {
    expectParse("tgt=None", { tgt: null }, []);
    expectParse("tgt=1000", { tgt: 999 }, ["tgt (clamped to 999)"]);
    expectParse("tgt=-1", { tgt: 0 }, ["tgt (clamped to 0)"]);
    expectParse("tgt=gibbon", {}, ['tgt: "gibbon" is not a class number or "none"']);
  });

  it("18. duplicate keys: the first wins, even when it is refused", () => {
    expectParse("eps=5&eps=7&%65ps=9", { eps: 5 }, [
      'duplicate key "eps" (the first one was used)',
      'duplicate key "eps" (the first one was used)',
    ]);
    expectParse("it=abc&it=7", {}, [
      'it: "abc" is not a whole number',
      'duplicate key "it" (the first one was used)',
    ]);
  });

  it("19. broken %-encoding drops that part only", () => {
    expectParse("eps=%E0%A4%A&atk=fgsm&%ZZ=1&rs=%", { atk: "fgsm" }, [
      "eps: broken %-encoding",
      'broken %-encoding in "%ZZ=1"',
      "rs: broken %-encoding",
    ]);
  });

  it("20. a value over the length limit is not read", () => {
    const long = "fgsm,".repeat(50);
    expectParse(`z.atk=${long}&eps=3`, { eps: 3 }, [
      `z.atk: value too long (${long.length} characters)`,
    ]);
  });

  it("21. a query over the length limit is read up to it, whole parts only", () => {
    const pad = `p=${"x".repeat(URL_LIMITS.query - 6)}&`; // eps=12 straddles the limit
    expectParse(`?${pad}eps=12`, {}, [
      `the link is too long: only its first ${URL_LIMITS.query} characters were read`,
      'unknown key "p"',
    ]);
    const many = `eps=5&${"x=1&".repeat(2000)}atk=fgsm`;
    const out = parseUrlState(many);
    expect(out.values).toEqual({ eps: 5 });
    expect(out.ignored[0]).toMatch(/too long/);
  });

  it("22. unicode: emoji keys, look-alike digits and accented words are refused", () => {
    expectParse("%F0%9F%90%BC=1&eps=%EF%BC%93&img=pand%C3%A4", {}, [
      'unknown key "🐼"',
      'eps: "３" is not a whole number',
      'img: "pandä" is not one of panda, cat, coffee',
    ]);
  });

  it("23. null bytes, control characters and bidi overrides never reach a report", () => {
    expectParse("eps=%00&%00%01evil%1B=1&%E2%80%AEyek=2&atk=fg%00sm", {}, [
      'eps: "" is not a whole number',
      'unknown key "evil"',
      'unknown key "yek"',
      'atk: "fgsm" is not one of fgsm, pgd',
    ]);
  });

  it("24. reported names are cut to the display limit", () => {
    const key = "k".repeat(100);
    const out = expectParse(`${key}=1`, {}, [`unknown key "${"k".repeat(URL_LIMITS.shown - 1)}…"`]);
    expect(out.ignored[0].length).toBeLessThan(60);
  });

  it("25. prototype names are plain unknown keys", () => {
    const out = expectParse("__proto__=1&constructor=x&toString=1&hasOwnProperty=1", {}, [
      'unknown key "__proto__"',
      'unknown key "constructor"',
      'unknown key "toString"',
      'unknown key "hasOwnProperty"',
    ]);
    expect(Object.getPrototypeOf(out.values)).toBe(Object.prototype);
  });

  it("26. empty links, empty parts and bare keys", () => {
    for (const search of ["", "?", "&&&", "?&"]) expectParse(search, {}, []);
    expectParse("=", {}, ['unknown key ""']);
    expectParse("rs&eps", {}, ['rs: "" is not 1 or 0', 'eps: "" is not a whole number']);
  });

  it("27. '+' is a space; an empty list is a valid list", () => {
    expectParse("img=+panda&tr.methods=", { "tr.methods": [] }, [
      'img: " panda" is not one of panda, cat, coffee',
    ]);
    expectParse("z.atk=FGSM%2CDeepFool", { "z.atk": ["fgsm", "deepFool"] }, []);
  });

  it("28. keys the page reads elsewhere pass silently", () => {
    expectParse("backend=wasm&tfjsflags=DEBUG:true&eps=4", { eps: 4 }, []);
  });

  it("29. input that is not a string at all", () => {
    for (const bad of [null, undefined, 42, {}, ["eps=3"]])
      expect(parseUrlState(bad as unknown as string)).toEqual({ values: {}, ignored: [] });
  });

  it("30. every report of a random mix is short plain text", () => {
    const junk = [
      "eps=%00%01%02",
      "%E2%80%AE%E2%80%AE=%E2%80%AE",
      `${"<".repeat(300)}=1`,
      `model=${"%C3%A9".repeat(60)}`,
      "z.atk=%0Ajsma,%0D",
    ].join("&");
    const { ignored } = parseUrlState(junk);
    expect(ignored.length).toBeGreaterThan(0);
    for (const text of ignored) {
      expect(text).not.toMatch(HIDDEN);
      expect(text.length).toBeLessThan(URL_LIMITS.shown + 80);
    }
  });
});

/** A value other than the default for every key, within its limits. */
const CHANGED: UrlValues = {
  img: "cat",
  model: "darknet_tiny",
  atk: "fgsm",
  eps: 17,
  tgt: null,
  it: 40,
  rs: true,
  "l.from": 7,
  "l.to": 1,
  "l.model": "cnn",
  "l.eps": 64,
  "s.model": "softmax",
  "s.digit": 1999,
  "s.eps": 77,
  "t.atk": "pgd",
  "t.eps": 51,
  "t.it": 12,
  "tr.model": "cnn",
  "tr.methods": ["fgsm", "fast"],
  "tr.eps": 77 / 255,
  "tr.seed": 42,
  "tr.budget": 10,
  "v.kind": "vae2",
  "v.obj": "output",
  "v.digit": 123,
  "v.tgt": 0,
  "v.eps": 9,
  "v.beta": 0.25,
  "rs.kind": "sigma050",
  "rs.n0": 1000,
  "rs.n": 100_000,
  "rs.alpha": 0.0001,
  "rs.digit": 7,
  "rs.r": 1.35,
  "d.levels": 16,
  "d.eps": 77,
  "d.n": 500,
  "ws.k": 3,
  "z.on": "cnn",
  "z.digit": 42,
  "z.atk": ["fgsmTargeted", "cw", "jsma", "greedyPixels"],
};

describe("serializeUrlState", () => {
  it("round-trips a value other than the default for every key", () => {
    expect(Object.keys(CHANGED)).toEqual(URL_SCHEMA.map((e) => e.key));
    const query = serializeUrlState(CHANGED);
    expect(parseUrlState(query)).toEqual({ values: CHANGED, ignored: [] });
    expect(parseUrlState(`?${query}`).values).toEqual(CHANGED);
  });

  it("writes only what differs from the defaults, in the table's order", () => {
    const defaults = Object.fromEntries(URL_SCHEMA.map((e) => [e.key, e.default]));
    expect(serializeUrlState(defaults as UrlValues)).toBe("");
    expect(serializeUrlState({})).toBe("");
    expect(parseUrlState(serializeUrlState(defaults as UrlValues))).toEqual({
      values: {},
      ignored: [],
    });
    expect(serializeUrlState({ "z.atk": ["cw", "fgsm"], eps: 2, tgt: null, img: "panda" })).toBe(
      "tgt=none&z.atk=fgsm%2Ccw",
    );
    // A list in another order, or repeated, is the same list.
    expect(serializeUrlState({ "z.atk": ["deepFool", "pgd", "fgsm", "pgd"] })).toBe("");
  });

  it("has every default within its own limits", () => {
    for (const { key, field, default: value } of URL_SCHEMA) {
      const text = formatValue(field, value as UrlValue);
      const out = parseUrlState(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
      expect(out, key).toEqual({ values: { [key]: value }, ignored: [] });
      if (field.kind === "int" || field.kind === "number")
        expect(field.min <= (value as number) && (value as number) <= field.max, key).toBe(true);
    }
  });

  it("keeps keys short and unique", () => {
    const keys = URL_SCHEMA.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z]{1,2}(\.[a-z0-9]{1,7})?$|^[a-z]{2,5}$/);
  });

  it("counts digit classes as the engine does", () => {
    expect(DIGIT_CLASS_COUNT).toBe(DIGIT_CLASSES);
  });
});
