/**
 * Text helpers for the SVG and HTML report: escaping and compact number printing.
 *
 * @module
 */

const ESCAPES: Readonly<Record<string, string>> = Object.freeze({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' });

/**
 * Escapes text for XML and HTML, in element content and in quoted attribute values: `& < > " '`
 * become entities, and characters XML 1.0 forbids (C0 controls other than tab, newline and
 * carriage return, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, so user input such as an
 * enterprise named `<script>…` is shown as text and never parsed as markup.
 *
 * @param text - any string (names and labels from user input)
 * @returns the escaped string
 * @example
 * ```ts
 * escapeXml('<script>alert("x")</script> & Co'); // "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co"
 * ```
 */
export function escapeXml(text: string): string {
  return String(text)
    .replace(/[&<>"']/g, (c) => ESCAPES[c]!)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * A pixel coordinate with at most one decimal place, for compact, deterministic SVG ("12.3",
 * "0", never "-0" or "1e-7"). Display only: never used on money.
 *
 * @param value - a coordinate in pixels
 * @example
 * ```ts
 * px(12.345); // "12.3"
 * px(-0.04); // "0"
 * ```
 */
export function px(value: number): string {
  const tenths = Math.round(value * 10);
  if (tenths === 0) return '0';
  const sign = tenths < 0 ? '-' : '';
  const abs = Math.abs(tenths);
  const whole = Math.floor(abs / 10);
  const frac = abs % 10;
  return `${sign}${whole}${frac ? `.${frac}` : ''}`;
}
