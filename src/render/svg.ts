/**
 * The few SVG building blocks the report's charts need: escaped text, elements with attributes, coordinates
 * rounded so that the same data always gives the same file, and an axis scale with round ticks.
 */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe inside an element or a double-quoted attribute. */
export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);

/** A coordinate to a tenth of a pixel: finer is invisible and would make golden files fragile. */
export const px = (value: number): string => String(Math.round(value * 10) / 10);

export type Attributes = Readonly<Record<string, string | number | undefined>>;

/**
 * One element: attributes in the order given (undefined ones left out), children already rendered;
 * without children it closes itself.
 * @example element('circle', { cx: 1, cy: 2, r: 3 }) // '<circle cx="1" cy="2" r="3"/>'
 */
export function element(name: string, attributes: Attributes, children: readonly string[] = []): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(typeof value === 'number' ? px(value) : value)}"`)
    .join('');
  return children.length === 0 ? `<${name}${attrs}/>` : `<${name}${attrs}>${children.join('')}</${name}>`;
}

/** An element holding text only (a label, a title). */
export const textElement = (name: string, attributes: Attributes, text: string): string => element(name, attributes, [escapeXml(text)]);

/**
 * Ticks from 0 up to at least `max`, at a round step (1, 2, 2.5 or 5 × 10^k) giving about `count` intervals.
 * Heckbert, "Nice numbers for graph labels", Graphics Gems (1990), with 2.5 added for money axes.
 * @example niceTicks(1234, 4) // [0, 500, 1000, 1500]
 */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const ticks: number[] = [];
  // The products are rounded to the step's own decimals, so 0.1 × 3 is 0.3, not 0.30000000000000004.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let i = 0; ; i += 1) {
    const tick = Number((i * step).toFixed(decimals));
    ticks.push(tick);
    if (tick >= max) break;
  }
  return ticks;
}
