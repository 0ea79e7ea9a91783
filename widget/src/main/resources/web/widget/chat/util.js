/** Small helpers on values and times. */

export function str(value) {
  return value === undefined || value === null ? "" : String(value);
}

/** HH:mm as the server wrote it (its own offset, Taiwan time), not converted to the browser's zone. */
export function clock(iso) {
  const match = /T(\d{2}):(\d{2})/.exec(str(iso));
  return match ? match[1] + ":" + match[2] : "";
}

/** Now in Taiwan time with its offset, like the server's times. */
export function nowIso() {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 19) + "+08:00";
}
