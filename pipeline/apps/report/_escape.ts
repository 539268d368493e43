/**
 * Escaping for the two places document strings enter the page. Every string read from a source
 * document is hostile until escaped: a plan saved from the web can carry "<script>" as text.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for element content and for double- or single-quoted attribute values (HTML and inline SVG
 * alike). Quotes are escaped everywhere so one function is safe in both positions.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * JSON for a `<script type="application/json">` block. The HTML parser ends a script element at
 * the first "</script" whatever the JSON means, and "<!--" switches it into a state where a later
 * "<script" changes how the end is found; escaping every <, > and & as \u003c… leaves no markup
 * in the block while JSON.parse returns the same strings. U+2028/2029 are escaped too, so the block
 * stays valid if it is ever pasted into JavaScript source.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
