/** Calls to the rotation serve API: the token (from ?token= in the page's address) goes in a header, never a cookie. */
const token = new URLSearchParams(location.search).get('token');

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly problems: Problem[] = []) { super(message); }
}

export interface Problem { file: string; row?: number; column?: string; value?: string; message: string }

function headers(json: boolean): Record<string, string> {
  return { ...(json ? { 'content-type': 'application/json' } : {}), ...(token ? { 'x-rotation-token': token } : {}) };
}

export async function api<T = any>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, body === undefined ? { headers: headers(false) } : { method: 'POST', headers: headers(true), body: JSON.stringify(body) });
  const data = await res.json().catch(() => ({ message: res.statusText }));
  if (!res.ok) throw new ApiError(res.status, data.message ?? res.statusText, data.problems ?? []);
  return data as T;
}

/** A link that downloads with the token. */
export function href(path: string): string {
  return token ? `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}` : path;
}

/** POST that answers with server-sent events (fetch, so the token header can go along). */
export async function stream(path: string, body: unknown, on: (event: string, data: any) => void): Promise<void> {
  const res = await fetch(path, { method: 'POST', headers: headers(true), body: JSON.stringify(body) });
  if (!res.ok || res.body === null) {
    const data = await res.json().catch(() => ({ message: res.statusText }));
    throw new ApiError(res.status, data.message ?? res.statusText, data.problems ?? []);
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const chunk = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(chunk)?.[1] ?? 'message';
      const data = /^data: (.*)$/m.exec(chunk)?.[1];
      on(event, data === undefined ? null : JSON.parse(data));
    }
  }
}

/** A file as base64 for the upload body. */
export function base64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}
