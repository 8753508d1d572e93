/** Great-circle distance between two schools (docs/format.md: unless a road-distance table is given). */
import type { School } from './tables.js';
import { OBJECTIVE_DEFAULTS } from './policy.js';

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Haversine distance in km (not rounded: the cap compares the exact value); null when a school has no coordinates. */
export function distanceKm(a: School, b: School): number | null {
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return null;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

/** Distance as published in a plan: km to 0.1. */
export function roundKm(km: number | null): number | null {
  return km === null ? null : Math.round(km * OBJECTIVE_DEFAULTS.distanceUnitsPerKm) / OBJECTIVE_DEFAULTS.distanceUnitsPerKm;
}
