import { describe, expect, it } from "vitest";
import { amountText, isCurrency, minorUnitsOf, parseAmount, providerTypeOf } from "./support-vocabulary";

describe("amounts", () => {
  it.each([
    ["25000", "USD", 2_500_000],
    ["25,000.50", "USD", 2_500_050],
    ["25 000", "EUR", 2_500_000],
    ["1000", "JPY", 1000],
    ["0.5", "USD", 50],
  ])("reads %s %s as %d minor units", (text, currency, minor) => {
    expect(parseAmount(text, currency)).toBe(minor);
    expect(parseAmount(amountText(minor, currency), currency)).toBe(minor);
  });

  it.each([
    ["-5", "USD"],
    ["12.345", "USD"],
    ["10.5", "JPY"],
    ["ten", "USD"],
    ["", "USD"],
    ["1e5", "USD"],
  ])("refuses %s in %s", (text, currency) => {
    expect(parseAmount(text, currency)).toBeNull();
  });

  it("knows currencies and their minor units from the runtime", () => {
    expect(isCurrency("CHF")).toBe(true);
    expect(isCurrency("XYZ")).toBe(false);
    expect(minorUnitsOf("KWD")).toBe(3);
  });
});

describe("provider types", () => {
  it("types a State by its regional group and other organisations by kind", () => {
    expect(providerTypeOf("state", "asia-pacific")).toBe("state-asia-pacific");
    expect(providerTypeOf("state", null)).toBeNull();
    expect(providerTypeOf("nhri", null)).toBe("nhri");
  });
});
