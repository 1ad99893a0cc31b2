import { useTheme } from '@mui/material/styles';
import { paletteOf, type Palette } from './palette';

/** The palette of the app's current theme (light or dark), through Backstage's unified theme. */
export function usePalette(): Palette {
  return paletteOf(useTheme().palette.mode === 'dark' ? 'dark' : 'light');
}
