/** The theme's colours for what is drawn outside CSS (uPlot canvases): custom properties read off an element. */
export function cssVarReader(element: Element): (name: string, fallback: string) => string {
  const style = getComputedStyle(element);
  // An unset property reads as "": the fallback then (the light theme's value).
  return (name, fallback) => style.getPropertyValue(name).trim() || fallback;
}
