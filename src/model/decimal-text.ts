/**
 * A number as en-US text with thousands separators and between `minFractionDigits` and
 * `maxFractionDigits` decimals: exactly what
 * `new Intl.NumberFormat('en-US', { minimumFractionDigits, maximumFractionDigits }).format(value)` prints,
 * without ICU. A process's first Intl formatter loads ICU's locale data, which costs about a fifth of
 * Node's whole start-up (bench/startup.mjs); a CLI that prints money would pay it on every run.
 *
 * Like ICU, it rounds the shortest decimal that reads back as the same double (`String(value)`), half
 * away from zero: 1.005 → "1.01" (Number#toFixed, which rounds the binary value 1.00499…, gives "1.00").
 * Negative values keep their sign even when they round to zero ("-0.00"), as ICU does.
 * @throws RangeError when the digit counts are not whole numbers with 0 ≤ min ≤ max ≤ 100 (as Intl does)
 * @example groupedDecimal(1234.5, 2) // "1,234.50"
 * @example groupedDecimal(1234.5678, 0, 3) // "1,234.568", like (1234.5678).toLocaleString('en-US')
 */
export function groupedDecimal(value: number, minFractionDigits: number, maxFractionDigits: number = minFractionDigits): string {
  if (!Number.isInteger(minFractionDigits) || !Number.isInteger(maxFractionDigits) || minFractionDigits < 0 || maxFractionDigits < minFractionDigits || maxFractionDigits > 100) {
    throw new RangeError(`fraction digits must be whole numbers with 0 ≤ min ≤ max ≤ 100; got ${minFractionDigits}, ${maxFractionDigits}`);
  }
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return `${sign}∞`;
  const { whole, fraction } = rounded(shortestDigits(Math.abs(value)), maxFractionDigits);
  let end = fraction.length;
  while (end > minFractionDigits && fraction[end - 1] === '0') end -= 1;
  const decimals = fraction.slice(0, end);
  return `${sign}${group(whole)}${decimals === '' ? '' : `.${decimals}`}`;
}

/** The shortest round-trip digits of a finite, non-negative double and where its decimal point goes. */
function shortestDigits(value: number): { digits: string; point: number } {
  const [mantissa = '0', exponent = '0'] = String(value).split('e');
  const [int = '0', frac = ''] = mantissa.split('.');
  return { digits: int + frac, point: int.length + Number(exponent) };
}

/** Digits with the decimal point at `point`, rounded half up to `places` decimals. */
function rounded({ digits, point }: { digits: string; point: number }, places: number): { whole: string; fraction: string } {
  // Pad so the digit string covers the whole part and `places + 1` decimals.
  const lead = point < 0 ? '0'.repeat(-point) : '';
  const start = Math.max(point, 0);
  const padded = (lead + digits).padEnd(start + places + 1, '0');
  const kept = padded.slice(0, start + places).split('').map(Number);
  if (Number(padded[start + places]) >= 5) {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === 9) kept[i--] = 0;
    if (i >= 0) kept[i] = (kept[i] ?? 0) + 1;
    else kept.unshift(1);
  }
  const wholeLength = kept.length - places;
  const whole = kept.slice(0, wholeLength).join('').replace(/^0+(?=\d)/, '');
  return { whole: whole === '' ? '0' : whole, fraction: kept.slice(wholeLength).join('') };
}

/** "1234567" → "1,234,567". */
function group(whole: string): string {
  let out = '';
  for (let end = whole.length; end > 0; end -= 3) out = (end > 3 ? ',' : '') + whole.slice(Math.max(0, end - 3), end) + out;
  return out;
}
