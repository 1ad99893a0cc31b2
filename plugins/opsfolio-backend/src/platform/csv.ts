/**
 * One CSV field (RFC 4180: quoted when it holds a comma, quote or line break). A text field that could
 * start a spreadsheet formula (`= + - @`, or a tab or line break a spreadsheet skips before one, as OWASP
 * lists them) gets a leading apostrophe; amounts (`text: false`) may be negative.
 */
export function csvField(value: string | number | undefined, text: boolean): string {
  let out = value === undefined ? '' : String(value);
  if (text && /^[=+\-@\t\r\n]/.test(out)) out = `'${out}`;
  return /[",\r\n]/.test(out) ? `"${out.replace(/"/g, '""')}"` : out;
}
