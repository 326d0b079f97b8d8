import { createTheme } from '@mui/material/styles';

/**
 * Light and dark palettes chosen by the system's `prefers-color-scheme` through CSS
 * media queries, so the page never flashes the wrong scheme before JavaScript runs.
 */
export const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'media' },
  colorSchemes: {
    light: {
      palette: {
        primary: { main: '#1f5fbf' },
        background: { default: '#f6f7f9' },
      },
    },
    dark: {
      palette: {
        primary: { main: '#8ab4f8' },
        background: { default: '#121417', paper: '#1b1e23' },
      },
    },
  },
  shape: { borderRadius: 8 },
  typography: {
    h1: { fontSize: '1.75rem', fontWeight: 600 },
    h2: { fontSize: '1.25rem', fontWeight: 600 },
  },
  components: {
    MuiButton: { defaultProps: { disableElevation: true }, styleOverrides: { root: { textTransform: 'none', fontWeight: 600 } } },
  },
});
