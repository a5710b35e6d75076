import { expectTop1, test } from "./fixtures";
import { devPort } from "./ports";

// The README's first command, `npm run dev`: its server bundles tfjs for the workers apart from
// the build, so it once gave the ImageNet worker two engines while the build worked.
test("the dev server's page classifies the panda in its worker", async ({ page }) => {
  await page.goto(`http://localhost:${devPort}/`);
  await expectTop1(page, "original prediction", "giant panda");
});
