import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { excerptOf, looksLikeHtml, plainTextOf, richTextFromSource, sanitiseHtml } from "./rich-text";

describe("richTextFromSource removes what could run or restyle the page", () => {
  it.each([
    [
      "a script element and its code",
      `<p>Before</p><script>alert("x")</script><p>After</p>`,
      "<p>Before</p><p>After</p>",
    ],
    ["a script inside SVG", `<svg><script>alert(1)</script></svg><p>Text</p>`, "<p>Text</p>"],
    ["event handlers", `<p onclick="steal()" onmouseover="x()">Hello</p>`, "<p>Hello</p>"],
    ["an image with onerror", `<p>Hi<img src="x" onerror="alert(1)"></p>`, "<p>Hi</p>"],
    ["style attributes", `<p style="position:fixed;top:0">Styled</p>`, "<p>Styled</p>"],
    ["style elements and their rules", `<style>body{display:none}</style><p>Text</p>`, "<p>Text</p>"],
    [
      "iframes, with their fallback text",
      `<iframe src="https://evil.example">fallback</iframe><p>Text</p>`,
      "<p>Text</p>",
    ],
    ["objects and embeds", `<object data="x.swf"></object><embed src="y"><p>Text</p>`, "<p>Text</p>"],
    ["forms and their fields", `<form action="https://evil.example"><input name="p"><button>Go</button></form>`, "Go"],
    ["classes and ids", `<p class="flash" id="main">Text</p>`, "<p>Text</p>"],
    ["comments", `<p>Text<!-- hidden --></p>`, "<p>Text</p>"],
  ])("%s", (_what, source, expected) => {
    expect(richTextFromSource(source)).toBe(expected.startsWith("<") ? expected : `<p>${expected}</p>`);
  });

  it.each([
    ["javascript:", `<a href="javascript:alert(1)">click</a>`],
    ["javascript: in mixed case", `<a href="JaVaScRiPt:alert(1)">click</a>`],
    ["javascript: with a tab inside", `<a href="java\tscript:alert(1)">click</a>`],
    ["javascript: as entities", `<a href="&#106;avascript:alert(1)">click</a>`],
    ["data:", `<a href="data:text/html;base64,PHNjcmlwdD4=">click</a>`],
    ["vbscript:", `<a href="vbscript:msgbox(1)">click</a>`],
    ["a relative address", `<a href="/en/account/close">click</a>`],
    ["a protocol-relative address", `<a href="//evil.example/x">click</a>`],
    ["no address", `<a name="top">click</a>`],
  ])("keeps the words of a link to %s but not the link", (_what, source) => {
    expect(richTextFromSource(source)).toBe("<p>click</p>");
  });
});

describe("richTextFromSource keeps the allowed markup", () => {
  it("keeps paragraphs, emphasis, lists, quotes, subheadings and line breaks", () => {
    const html =
      "<h3>Justice</h3><p>A <strong>new</strong> law, <em>in force</em>.<br />Since May.</p>" +
      "<ul><li>One</li></ul><ol><li>Two</li></ol><blockquote>Quoted</blockquote><h4>Next</h4>";
    expect(richTextFromSource(html)).toBe(html);
  });

  it("keeps http, https and mailto links, and marks them noopener", () => {
    expect(
      richTextFromSource(
        `<a href="https://example.org/report?a=1&b=2" target="_blank" title="t">report</a> <a href="http://example.org">old</a> <a href="mailto:focal@example.org">mail</a>`,
      ),
    ).toBe(
      `<a href="https://example.org/report?a=1&amp;b=2" rel="noopener noreferrer">report</a> ` +
        `<a href="http://example.org" rel="noopener noreferrer">old</a> ` +
        `<a href="mailto:focal@example.org" rel="noopener noreferrer">mail</a>`,
    );
  });

  it("turns pasted b, i and headings of other levels into the allowed ones", () => {
    expect(richTextFromSource("<h1>A</h1><h2>B</h2><h6>C</h6><p><b>D</b> <i>E</i></p>")).toBe(
      "<h3>A</h3><h3>B</h3><h4>C</h4><p><strong>D</strong> <em>E</em></p>",
    );
  });

  it("reads text without markup as paragraphs, escaping what looks like markup but is not", () => {
    expect(richTextFromSource("Access rose from < 40% to > 60% & more\r\nin two years.\n\n  Next paragraph.  \n")).toBe(
      "<p>Access rose from &lt; 40% to &gt; 60% &amp; more<br />in two years.</p>\n<p>Next paragraph.</p>",
    );
  });

  it("stores nothing for blank text", () => {
    expect(richTextFromSource(" \n\t ")).toBe("");
    expect(richTextFromSource("<script>x</script>")).toBe("");
  });

  it("wraps text whose markup was all removed, so that it is not escaped twice when edited", () => {
    const stored = richTextFromSource("<span>Tom &amp; Jerry</span>");
    expect(stored).toBe("<p>Tom &amp; Jerry</p>");
    expect(richTextFromSource(stored)).toBe(stored);
  });
});

describe("the stored value is valid input", () => {
  // The edit form shows the stored HTML; saving it unchanged must store the same value.
  const fragments = fc.constantFrom(
    "<p>",
    "</p>",
    "<strong>",
    "</strong>",
    "<em>",
    "<br>",
    "<ul><li>",
    "</li></ul>",
    "<ol>",
    "<li>",
    "<blockquote>",
    "</blockquote>",
    "<h3>",
    "</h3>",
    '<a href="https://example.org/?a=1&b=2">',
    '<a href="javascript:x()">',
    "</a>",
    "<script>",
    "</script>",
    "<div>",
    "</div>",
    "<b>",
    "<i>",
    "<h1>",
    "&amp;",
    "&lt;",
    "&",
    "<",
    ">",
    '"',
    "\n\n",
    "\n",
    " ",
    "text",
    "été",
    "نص",
  );
  const sources = fc.oneof(
    fc.string(),
    fc.array(fragments, { maxLength: 30 }).map((parts) => parts.join("")),
  );

  it("comes back unchanged through the same function", () => {
    fc.assert(
      fc.property(sources, (source) => {
        const stored = richTextFromSource(source);
        expect(richTextFromSource(stored)).toBe(stored);
        expect(sanitiseHtml(stored)).toBe(stored);
      }),
      { numRuns: 3000 },
    );
  });

  it("never holds a script, an event handler, a style or an unsafe link", () => {
    fc.assert(
      fc.property(sources, (source) => {
        const stored = richTextFromSource(source);
        expect(stored).not.toMatch(/<script|<iframe|<style|\son\w+=|style=|javascript:/i);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("excerpts", () => {
  it("reads a stored value's words without markup or entities", () => {
    expect(plainTextOf("<h3>Justice</h3><p>Tom &amp; Jerry &lt;3<br />again</p><ul><li>a</li><li>b</li></ul>")).toBe(
      "Justice Tom & Jerry <3 again a b",
    );
  });

  it("cuts long text at a word", () => {
    expect(excerptOf(`<p>${"word ".repeat(100)}</p>`, 22)).toBe("word word word word…");
    expect(excerptOf("<p>Short.</p>")).toBe("Short.");
  });

  it("tells markup from text", () => {
    expect(looksLikeHtml("<p>x</p>")).toBe(true);
    expect(looksLikeHtml("a < b and c > d")).toBe(false);
  });
});
