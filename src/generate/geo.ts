/** Nearness between synthetic schools, for picking plausible destinations. */
import type { School } from '../domain/tables.js';

/** Squared planar distance in km² (fine for ranking schools of one county). */
function spread(a: School, b: School): number {
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return 0;
  const dy = (a.lat - b.lat) * 111.32;
  const dx = (a.lon - b.lon) * 111.32 * Math.cos((a.lat * Math.PI) / 180);
  return dx * dx + dy * dy;
}

/** The `k` schools of `candidates` nearest to `from`, nearest first (ties by id). */
export function nearest(from: School, candidates: readonly School[], k: number): School[] {
  return candidates
    .map((s) => ({ s, d: spread(from, s) }))
    .sort((a, b) => a.d - b.d || a.s.school_id.localeCompare(b.s.school_id))
    .slice(0, k)
    .map((x) => x.s);
}
