/**
 * The checker's own arithmetic, derived afresh (it shares no code with the
 * optimiser): shares rounded up with integers, great-circle distances.
 */

/** Shares are read to six decimals, as policy files write them (0.1, 0.15, 0.2). */
const SHARE_DENOMINATOR = 1_000_000;

/**
 * ceil(share × n) in integers, so that 10 % of 70 is 7 and not 8.
 *
 * @example ceilOfShare(0.1, 70) // 7
 */
export function ceilOfShare(share: number, n: number): number {
  const numerator = Math.round(share * SHARE_DENOMINATOR) * n;
  const whole = Math.floor(numerator / SHARE_DENOMINATOR);
  return numerator - whole * SHARE_DENOMINATOR > 0 ? whole + 1 : whole;
}

/** Mean Earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;

export interface Point { readonly lat: number | null; readonly lon: number | null }

/**
 * Great-circle (haversine) distance in km between two schools; null when
 * either lacks coordinates.
 *
 * @example greatCircleKm({ lat: 28, lon: 120.6 }, { lat: 28.1, lon: 120.6 }) // ≈ 11.12
 */
export function greatCircleKm(a: Point, b: Point): number | null {
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return null;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
