import { csvField } from './csv';

describe('csvField', () => {
  it('neutralises every character a spreadsheet reads as the start of a formula', () => {
    expect(csvField('=HYPERLINK("x")', true)).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1', true)).toBe("'+1");
    expect(csvField('-2', true)).toBe("'-2");
    expect(csvField('@SUM(A1)', true)).toBe("'@SUM(A1)");
    expect(csvField('\t=1+1', true)).toBe("'\t=1+1");
    expect(csvField('\r=1+1', true)).toBe(`"'\r=1+1"`);
  });

  it('leaves amounts and ordinary text as they are', () => {
    expect(csvField(-12.5, false)).toBe('-12.5');
    expect(csvField('payments-api', true)).toBe('payments-api');
    expect(csvField(undefined, true)).toBe('');
  });
});
