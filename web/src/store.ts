/** What the page has open: the scenario, its details, the year and the version shown. */
import { reactive } from 'vue';
import { api } from './api';
import type { VersionMeta } from './types';

export const state = reactive({
  scenario: '' as string,
  info: null as any,
  year: 2019,
  versions: [] as VersionMeta[],
  version: 0,
  data: null as any,
  tab: 'load',
});

const base = () => `/api/scenarios/${encodeURIComponent(state.scenario)}`;
export const scenarioUrl = base;
export const versionUrl = (v = state.version) => `${base()}/years/${state.year}/versions/${v}`;

export async function openScenario(name: string): Promise<void> {
  state.scenario = name;
  state.info = await api(`${base()}?year=${state.year}`);
  if (state.info.years.length > 0 && !state.info.years.includes(state.year)) state.year = state.info.years.at(-1);
  await refreshVersions();
}

export async function refreshVersions(pick?: number): Promise<void> {
  state.versions = (await api(`${base()}/years/${state.year}/versions`)).versions;
  const v = pick ?? state.versions.at(-1)?.version ?? 0;
  await openVersion(v);
}

/** Another year of the scenario: its versions, and `pick` (or its newest) shown. */
export async function openYear(year: number, pick?: number): Promise<void> {
  state.year = year;
  await refreshVersions(pick);
}

export async function openVersion(v: number): Promise<void> {
  state.version = v;
  state.data = v > 0 ? await api(versionUrl(v)) : null;
}

/** A code in the page's language: Chinese labels from the server's code lists, the code itself in English. */
export function label(list: 'title' | 'backbone' | 'lock' | 'objection' | 'subject', code: string | null | undefined, zh: boolean): string {
  if (code === null || code === undefined) return '';
  if (!zh) return code;
  if (list === 'subject') return state.info?.subjects.find((s: any) => s.code === code)?.zh ?? code;
  return state.info?.labels?.[list]?.[code] ?? code;
}
