import { expect, expectTop1, test, waitForIdle } from "./fixtures";

/** Collects the page's CSP violations from the first script on (before the app's own). */
const collectViolations = () => {
  const seen: string[] = [];
  (window as unknown as { __csp: string[] }).__csp = seen;
  document.addEventListener("securitypolicyviolation", (e) =>
    seen.push(`${e.violatedDirective} ${e.blockedURI}`),
  );
};

test("the built page carries a Content-Security-Policy that refuses inline script, and chapter 1 runs under it with no violation", async ({
  page,
  consoleErrors,
}) => {
  await page.addInitScript(collectViolations);
  await page.goto("/");
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute("content");
  const scripts = csp?.split(";").find((d) => d.trim().startsWith("script-src"));
  expect(scripts?.trim()).toBe("script-src 'self'"); // no inline script, no eval, no other host
  expect(csp).toMatch(/connect-src 'self' https:\/\/tfhub\.dev/);
  await expectTop1(page, "original prediction", "giant panda");
  await waitForIdle(page);
  const violations = () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  expect(await violations()).toEqual([]);

  // The policy is live: an inline script written into the page does not run.
  const ran = await page.evaluate(async () => {
    const s = document.createElement("script");
    s.textContent = "window.__inlineRan = true";
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 100));
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
  expect((await violations()).some((v) => v.startsWith("script-src"))).toBe(true);
  consoleErrors.length = 0; // the refused script is logged, as it should be
});
