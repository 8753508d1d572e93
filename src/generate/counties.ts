/**
 * Where the synthetic counties are: Wenzhou's 11 county-level divisions
 * (docs/policy.md) with their seats, 2018 population and how rural they are, then
 * neighbouring Lishui and Taizhou counties for larger synthetic cities.
 */

export interface CountyPlace {
  /** 鹿城区 */
  readonly name: string;
  /** Two capital letters for school ids (LC-P001). */
  readonly code: string;
  /** County seat, degrees. */
  readonly lat: number;
  readonly lon: number;
  /** Resident population, 10 000 people (2018, rounded). */
  readonly population: number;
  /** 0 (city district) … 1 (mountain county): more rural schools and higher tiers. */
  readonly rurality: number;
  /** Rural schools are on islands (tier 3, 艰苦程度 海岛). */
  readonly island: boolean;
  /** Bearings (degrees from north) towards the county's countryside: [from, to]. */
  readonly hinterland: readonly [number, number];
}

function place(name: string, code: string, lat: number, lon: number, population: number, rurality: number, hinterland: [number, number], island = false): CountyPlace {
  return { name, code, lat, lon, population, rurality, island, hinterland };
}

/** Wenzhou's 11 counties, in the order of docs/policy.md. */
export const WENZHOU_COUNTIES: readonly CountyPlace[] = [
  place('鹿城区', 'LC', 28.015, 120.655, 73, 0.15, [230, 320]),
  place('龙湾区', 'LW', 27.933, 120.812, 39, 0.2, [150, 270]),
  place('瓯海区', 'OH', 27.967, 120.565, 43, 0.3, [180, 300]),
  place('洞头区', 'DT', 27.836, 121.157, 15, 0.8, [0, 360], true),
  place('瑞安市', 'RA', 27.778, 120.655, 125, 0.4, [200, 320]),
  place('乐清市', 'YQ', 28.113, 120.983, 130, 0.4, [-60, 60]),
  place('永嘉县', 'YJ', 28.153, 120.692, 97, 0.8, [-40, 60]),
  place('平阳县', 'PY', 27.662, 120.565, 89, 0.5, [200, 320]),
  place('苍南县', 'CN', 27.518, 120.426, 135, 0.5, [150, 280]),
  place('文成县', 'WC', 27.787, 120.091, 41, 0.9, [0, 360]),
  place('泰顺县', 'TS', 27.557, 119.718, 37, 0.95, [0, 360]),
];

/** Further counties (Lishui, Taizhou) for synthetic cities of more than 11 counties. */
const NEIGHBOURS: readonly CountyPlace[] = [
  place('青田县', 'QT', 28.14, 120.29, 35, 0.8, [0, 360]),
  place('缙云县', 'JY', 28.66, 120.09, 40, 0.7, [0, 360]),
  place('龙泉市', 'LQ', 28.07, 119.14, 25, 0.8, [0, 360]),
  place('庆元县', 'QY', 27.62, 119.06, 14, 0.9, [0, 360]),
  place('景宁县', 'JN', 27.97, 119.63, 11, 0.95, [0, 360]),
  place('松阳县', 'SY', 28.45, 119.48, 19, 0.8, [0, 360]),
  place('遂昌县', 'SC', 28.59, 119.27, 19, 0.85, [0, 360]),
  place('云和县', 'YH', 28.12, 119.57, 11, 0.7, [0, 360]),
  place('天台县', 'TT', 29.14, 121.01, 39, 0.6, [0, 360]),
  place('仙居县', 'XJ', 28.85, 120.73, 42, 0.7, [0, 360]),
  place('三门县', 'SM', 29.10, 121.39, 38, 0.6, [0, 360]),
  place('临海市', 'LH', 28.86, 121.14, 101, 0.45, [0, 360]),
  place('温岭市', 'WL', 28.37, 121.39, 121, 0.35, [0, 360]),
  place('玉环市', 'YU', 28.14, 121.23, 43, 0.5, [0, 360], true),
];

const ALL = [...WENZHOU_COUNTIES, ...NEIGHBOURS];

/** The first `n` counties; past the list, numbered copies (青田县2, code QT2…) shifted 60 km north per round. */
export function countyPlaces(n: number): CountyPlace[] {
  return Array.from({ length: n }, (_, i) => {
    const base = ALL[i % ALL.length]!;
    const round = Math.floor(i / ALL.length);
    if (round === 0) return base;
    return { ...base, name: `${base.name}${round + 1}`, code: `${base.code}${round + 1}`, lat: base.lat + 0.54 * round };
  });
}
