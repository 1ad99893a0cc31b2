/**
 * One CSV field (RFC 4180: quoted when it holds a comma, quote or line break). A text field that could
 * start a spreadsheet formula gets a leading apostrophe; amounts (`text: false`) may be negative.
 */
export function csvField(value: string | number | undefined, text: boolean): string {
  let out = value === undefined ? '' : String(value);
  if (text && /^[=+\-@]/.test(out)) out = `'${out}`;
  return /[",\r\n]/.test(out) ? `"${out.replace(/"/g, '""')}"` : out;
}
