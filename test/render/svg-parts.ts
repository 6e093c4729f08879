import { XMLParser } from 'fast-xml-parser';

/** What a reader of a chart looks for, read back from the SVG's elements (not from its source text). */
export interface SvgChartParts {
  title: string;
  desc: string;
  /** The axis titles: the value axis's and the category axis's, in document order. */
  axisTitles: string[];
  /** Tick and category labels, in document order. */
  tickLabels: string[];
  /** Each data point: its category, value and position (a circle's centre, a bar's corner). */
  points: Array<{ category: string; value: number; x: number; y: number }>;
}

type Node = Record<string, unknown>;

/** Parses an SVG chart with fast-xml-parser and collects its parts. */
export function svgChartParts(svg: string): SvgChartParts {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', textNodeName: '#text', isArray: (name) => ['g', 'text', 'circle', 'rect', 'line', 'path'].includes(name) });
  const root = (parser.parse(svg) as { svg: Node }).svg;
  const parts: SvgChartParts = { title: String(root.title && (root.title as Node)['#text']), desc: String(root.desc && (root.desc as Node)['#text']), axisTitles: [], tickLabels: [], points: [] };
  const visit = (node: Node, axis: boolean): void => {
    for (const text of (node.text as Node[] | undefined) ?? []) {
      const content = String(text['#text'] ?? '');
      if (text.class === 'axis-title') parts.axisTitles.push(content);
      else if (axis) parts.tickLabels.push(content);
    }
    for (const mark of [...((node.circle as Node[] | undefined) ?? []), ...((node.rect as Node[] | undefined) ?? [])]) {
      if (mark.class !== 'point') continue;
      parts.points.push({ category: String(mark['data-category']), value: Number(mark['data-value']), x: Number(mark.cx ?? mark.x), y: Number(mark.cy ?? mark.y) });
    }
    for (const child of (node.g as Node[] | undefined) ?? []) visit(child, axis || String(child.class ?? '').includes('axis'));
  };
  visit(root, false);
  return parts;
}
