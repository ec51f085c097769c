import sanitizeHtml from "sanitize-html";

/**
 * The four text fields of an update take plain text or a small subset of HTML, never Markdown.
 *
 * Why HTML and not Markdown: the table keeps one column per field and stores what readers get,
 * sanitised HTML. The edit form must give the author back something they can edit; with HTML in
 * and HTML out, the stored value is itself valid input, and passing it through the sanitiser
 * again changes nothing (tested). With Markdown the author would write Markdown once and find
 * HTML in the form the next time, or we would need a second column for the source. Plain text
 * keeps working for authors who write no markup at all: a blank line starts a paragraph.
 *
 * Why sanitize-html: it parses with htmlparser2 on the server (no DOM, no jsdom) and filters to
 * an allowlist of tags, attributes and URL schemes; anything not listed is dropped.
 */
export const RICH_TEXT_TAGS = ["p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "h3", "h4"] as const;

const LINK_SCHEMES = ["http:", "https:", "mailto:"];

function isAllowedLink(href: string | undefined): href is string {
  if (!href || !URL.canParse(href)) return false;
  const url = new URL(href);
  return LINK_SCHEMES.includes(url.protocol) && (url.protocol === "mailto:" || url.hostname.length > 0);
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...RICH_TEXT_TAGS],
  allowedAttributes: { a: ["href", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Their content is code or form state, never prose: dropped with the tag.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "template"],
  transformTags: {
    // Text pasted from a word processor keeps its emphasis and its headings, at the levels the
    // update page leaves free (h1 is the title, h2 the field's name).
    b: "strong",
    i: "em",
    h1: "h3",
    h2: "h3",
    h5: "h4",
    h6: "h4",
    a: (_tagName, attribs): sanitizeHtml.Tag => ({
      tagName: "a",
      attribs: isAllowedLink(attribs.href) ? { href: attribs.href.trim(), rel: "noopener noreferrer" } : {},
    }),
  },
  // A link whose address is not absolute http, https or mailto keeps its words and loses the
  // link (a relative or protocol-relative address would point into this site, or anywhere).
  // Renaming it to a discarded tag instead leaves sanitize-html closing the next link wrongly.
  exclusiveFilter: (frame) => {
    if (frame.tag === "a" && !frame.attribs.href) return "excludeTag";
    return frame.tag !== "br" && frame.tag !== "a" && frame.text.trim() === "";
  },
};

/**
 * Cleans HTML to the allowlist. Idempotent: a cleaned value comes back unchanged. One pass can
 * leave nesting that the parser reads differently next time (a paragraph inside a paragraph once
 * a link around it is gone), so the pass repeats until the value stops moving.
 */
export function sanitiseHtml(html: string): string {
  let clean = sanitizeHtml(html, OPTIONS).trim();
  for (let pass = 0; pass < 5; pass++) {
    const again = sanitizeHtml(clean, OPTIONS).trim();
    if (again === clean) break;
    clean = again;
  }
  return clean;
}

/** Whether the author wrote markup (any tag-like `<x`, `</x` or `<!--`) rather than plain text. */
export function looksLikeHtml(source: string): boolean {
  return /<\/?[a-z][^>]*>|<!--/i.test(source);
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const escapeText = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/** Plain text as paragraphs: a blank line starts one, a single line break stays a line break. */
function paragraphsOf(text: string): string {
  return text
    .split(/\n[ \t]*\n+/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0)
    .map((block) => `<p>${block.split("\n").map(escapeText).join("<br />")}</p>`)
    .join("\n");
}

/** What an update stores for one field: the author's plain text or HTML, as sanitised HTML. */
export function richTextFromSource(source: string): string {
  const text = source.replace(/\r\n?/g, "\n").trim();
  if (text.length === 0) return "";
  if (!looksLikeHtml(text)) return sanitiseHtml(paragraphsOf(text));
  const html = sanitiseHtml(text);
  // Markup that was all removed leaves escaped text; read back as plain text next time, it would
  // be escaped twice. As a paragraph it is markup, and the stored value stays what it was.
  return html === "" || looksLikeHtml(html) ? html : `<p>${html}</p>`;
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** The words of a stored value, without markup: for excerpts shown as text, never as HTML. */
export function plainTextOf(html: string): string {
  return sanitizeHtml(html.replace(/<(br|\/p|\/li|\/h[34]|\/blockquote)\b[^>]*>/gi, "$& "), {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: OPTIONS.nonTextTags,
  })
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!)
    .replace(/\s+/g, " ")
    .trim();
}

/** The first `max` characters of a stored value's words, cut at a word where one is near. */
export function excerptOf(html: string, max = 280): string {
  const text = plainTextOf(html);
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
