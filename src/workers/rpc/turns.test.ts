import { describe, expect, it } from "vitest";
import { type TurnPriority, Turns } from "./turns";

describe("turns on the worker's thread", () => {
  it("go to interactive waiters first, then to batch waiters in arrival order", async () => {
    const turns = new Turns();
    const order: string[] = [];
    await turns.acquire("batch"); // a batch chunk is running
    const wait = (name: string, priority: TurnPriority) =>
      turns.acquire(priority).then(() => {
        order.push(name);
        turns.release();
      });
    const all = [
      wait("batch 1", "batch"),
      wait("batch 2", "batch"),
      wait("slider", "interactive"),
      wait("drawing", "interactive"),
      wait("batch 3", "batch"),
    ];
    turns.release();
    await Promise.all(all);
    expect(order).toEqual(["slider", "drawing", "batch 1", "batch 2", "batch 3"]);
  });

  it("lets an interactive holder pass only to interactive waiters", async () => {
    const turns = new Turns();
    const order: string[] = [];
    await turns.acquire("interactive"); // a slider's PGD run, between two steps
    const batch = turns.acquire("batch").then(() => order.push("batch"));
    await turns.pass("interactive");
    order.push("slider kept the turn");
    const drawing = turns.acquire("interactive").then(() => {
      order.push("drawing");
      turns.release();
    });
    await turns.pass("interactive");
    order.push("slider back");
    turns.release();
    await Promise.all([batch, drawing]);
    expect(order).toEqual(["slider kept the turn", "drawing", "slider back", "batch"]);
  });

  it("is free again once every holder has released", async () => {
    const turns = new Turns();
    await turns.acquire("interactive");
    turns.release();
    let got = false;
    await turns.acquire("batch").then(() => {
      got = true;
    });
    expect(got).toBe(true);
  });
});
