import { UserError } from './errors.js';
import { writeFileAtomic } from './io.js';

export const FORMATS = ['table', 'json', 'md'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  /** ANSI colours allowed (a TTY, no --no-color, no NO_COLOR, not writing to --out). */
  color: boolean;
  /** Terminal width in columns, or undefined when not a terminal. */
  columns?: number | undefined;
}

/** A renderer is a pure function of a result; it never prints. */
export type Renderer<R> = (result: R, options: RenderOptions) => string;

export interface Renderers<R> {
  table: Renderer<R>;
  md: Renderer<R>;
  json?: Renderer<R>;
}

export const renderJson = (result: unknown): string => `${JSON.stringify(result, null, 2)}\n`;

export function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UserError(`--format must be one of ${FORMATS.join(', ')}; got "${value}"`);
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  columns?: number | undefined;
  /** Whether stderr is a terminal (asked only when a command may show progress); absent = no. */
  stderrIsTTY?: () => boolean;
}

export interface GlobalOptions {
  catalog?: string;
  format: Format;
  out?: string;
  color: boolean;
}

/** Renders a result in the chosen format and writes it to stdout or, atomically, to --out. */
export function emit<R>(result: R, renderers: Renderers<R>, globals: GlobalOptions, io: Io): void {
  const toFile = globals.out !== undefined && globals.out !== '-';
  const options: RenderOptions = {
    color: globals.color && !toFile && io.isTTY && !io.env.NO_COLOR && globals.format === 'table',
    columns: toFile ? undefined : io.columns,
  };
  const render = globals.format === 'json' ? (renderers.json ?? renderJson) : renderers[globals.format];
  let text = render(result, options);
  if (!text.endsWith('\n')) text += '\n';
  if (toFile) writeFileAtomic(globals.out as string, text);
  else io.stdout(text);
}
