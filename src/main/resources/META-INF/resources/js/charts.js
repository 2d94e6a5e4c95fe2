// Chart.js, served from its webjar in this app (no CDN), for the ES modules that draw charts. Its UMD build sets
// globalThis.Chart when no module loader is present, which is the case when imported from a module.
import '/webjars/chart.js/dist/chart.umd.min.js';

export const Chart = globalThis.Chart;

// The chart colours come from the page's own palette, light or dark.
export function palette() {
  const css = getComputedStyle(document.documentElement);
  const color = (name, fallback) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: color('--text', '#1b1f24'),
    grid: color('--border', '#c9d0d7'),
    accent: color('--accent', '#0b57d0'),
    bad: color('--bad', '#a3141c')
  };
}
