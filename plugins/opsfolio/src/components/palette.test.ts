import { levelColor, NO_LEVEL_COLOR, paletteOf, textOn, type Tone } from './palette';

// WCAG 2.1 relative luminance and contrast ratio, written out here so the test does not trust palette.ts.
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map(i => {
      const v = parseInt(hex.slice(i, i + 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const TONES: Tone[] = ['good', 'bad', 'warn', 'info', 'neutral'];
// Backstage's card backgrounds: light paper, and dark paper (and BUI's dark neutral surface).
const CARDS = { light: ['#ffffff', '#f7f7f7'], dark: ['#424242', '#424141', '#333333'] };

describe('the palette', () => {
  it.each(['light', 'dark'] as const)('reads as text on every %s card background and under chip text (WCAG AA 4.5:1)', mode => {
    const palette = paletteOf(mode);
    for (const tone of TONES) {
      for (const card of CARDS[mode]) expect(contrast(palette.tone[tone], card), `${tone} on ${card}`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(palette.tone[tone], palette.onTone), `${palette.onTone} on ${tone}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keeps pass and fail apart for red-green colour blindness (simulated deuteranopia and protanopia)', () => {
    // Viénot, Brettel and Mollon (1999): what a dichromat sees, in linear RGB; distances in sRGB 0-255.
    const SIMULATIONS = {
      deuteranopia: [[0.29275, 0.70725, 0], [0.29275, 0.70725, 0], [-0.02234, 0.02234, 1]],
      protanopia: [[0.11238, 0.88762, 0], [0.11238, 0.88762, 0], [0.00401, -0.00401, 1]],
    };
    const linear = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    const encoded = (v: number) => 255 * (v <= 0.0031308 ? 12.92 * v : 1.055 * Math.min(v, 1) ** (1 / 2.4) - 0.055);
    const seen = (hex: string, m: number[][]) => {
      const c = [1, 3, 5].map(i => linear(parseInt(hex.slice(i, i + 2), 16) / 255));
      return m.map(row => encoded(Math.max(0, row[0] * c[0] + row[1] * c[1] + row[2] * c[2])));
    };
    const apart = (a: string, b: string, m: number[][]) => Math.hypot(...seen(a, m).map((v, i) => v - seen(b, m)[i]));
    for (const mode of ['light', 'dark'] as const) {
      const { tone } = paletteOf(mode);
      for (const [name, m] of Object.entries(SIMULATIONS)) {
        expect(apart(tone.good, tone.bad, m), `${mode} good/bad, ${name}`).toBeGreaterThan(60);
        expect(apart(tone.info, tone.bad, m), `${mode} info/bad, ${name}`).toBeGreaterThan(60);
      }
    }
  });

  it('orders levels light to dark and puts readable text on each', () => {
    const five = [0, 1, 2, 3, 4].map(rank => levelColor(rank, 5));
    expect(five).toEqual(['#fde725', '#7ad151', '#22a884', '#2a788e', '#414487']);
    expect(levelColor(0, 1)).toBe('#414487'); // a single level is the top one
    expect(levelColor(-1, 3)).toBe(NO_LEVEL_COLOR);
    for (const color of [...five, NO_LEVEL_COLOR]) expect(contrast(color, textOn(color)), color).toBeGreaterThanOrEqual(4.5);
    expect(textOn('#fde725')).toBe('#000000');
    expect(textOn('#414487')).toBe('#ffffff');
  });
});
