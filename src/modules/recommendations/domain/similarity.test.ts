import { describe, expect, it } from "vitest";
import { CANDIDATE_BUDGET, planSimilarity, SCORING_WORDS, tsqueryOperand } from "./similarity";

const frequencies = (table: Record<string, number>) => (lexeme: string) => table[lexeme];

describe("planSimilarity", () => {
  it("weighs rare words more than common ones, and leaves out words no other text has", () => {
    const plan = planSimilarity(
      ["right", "honour", "kill", "uniqu"],
      frequencies({ right: 20_000, honour: 68, kill: 249, uniqu: 1 }),
      60_000,
    );
    expect(plan.scoring.map((s) => s.lexeme)).toEqual(["honour", "kill", "right"]);
    const [honour, kill, right] = plan.scoring.map((s) => s.weight);
    expect(honour).toBeGreaterThan(kill!);
    expect(kill).toBeGreaterThan(right!);
    expect(right).toBeCloseTo(Math.log(3), 3);
    expect(plan.candidates).toBe("'honour' | 'kill' | ('honour' & 'kill' & 'right')");
  });

  it("fetches candidates by the rarest words while they stay within the budget", () => {
    const table = { a: 10, b: 100, c: 400, d: 1100, e: 5000 };
    const plan = planSimilarity(Object.keys(table), frequencies(table), 60_000);
    expect(10 + 100 + 400 + 1100).toBeGreaterThan(CANDIDATE_BUDGET);
    expect(plan.candidates).toBe("'a' | 'b' | 'c'");
  });

  it("asks for the three rarest words together when every word is common", () => {
    const table = { continu: 9000, effort: 8000, promot: 7000, human: 15_000, right: 20_000 };
    const plan = planSimilarity(Object.keys(table), frequencies(table), 60_000);
    expect(plan.candidates).toBe("('promot' & 'effort' & 'continu')");
  });

  it("takes a word counted after the frequencies were read as rare", () => {
    const plan = planSimilarity(["new", "right"], frequencies({ right: 20_000 }), 60_000);
    expect(plan.scoring[0]).toMatchObject({ lexeme: "new" });
    expect(plan.candidates).toBe("'new' | ('new' & 'right')");
  });

  it("keeps at most the rarest words for scoring, and finds nothing for a text of unique words", () => {
    const many = Array.from({ length: 40 }, (_, i) => `w${String(i).padStart(2, "0")}`);
    const plan = planSimilarity(many, (l) => 2 + Number(l.slice(1)), 60_000);
    expect(plan.scoring).toHaveLength(SCORING_WORDS);
    expect(plan.scoring[0]!.lexeme).toBe("w00");
    expect(planSimilarity(["only"], () => 1, 60_000)).toEqual({ scoring: [], candidates: null });
  });

  it("quotes lexemes so that tsquery operators inside them stay text", () => {
    expect(tsqueryOperand("o'brien")).toBe("'o''brien'");
    expect(tsqueryOperand("a\\b")).toBe("'a\\\\b'");
    expect(tsqueryOperand("x:*&!")).toBe("'x:*&!'");
  });
});
