/** What the environment check learns from the browser itself: its name and version, the OS, cookies, storage. */

/** chrome, edge, firefox, safari or other, and the major version; Edge (and other Chromium browsers) before Chrome. */
export function browserOf() {
  const ua = navigator.userAgent || "";
  const data = navigator.userAgentData;
  const brands = data && Array.isArray(data.brands) ? data.brands : [];
  const brand = function (name) {
    for (let i = 0; i < brands.length; i++) { if (brands[i].brand === name) { return brands[i].version; } }
    return null;
  };
  let match;
  if (brand("Microsoft Edge")) { return { name: "edge", version: brand("Microsoft Edge") }; }
  if ((match = /\bEdg(?:e|A|iOS)?\/(\d+)/.exec(ua))) { return { name: "edge", version: match[1] }; }
  if ((match = /\b(?:OPR|Opera|SamsungBrowser)\/(\d+)/.exec(ua))) { return { name: "other", version: match[1] }; }
  if ((match = /\b(?:Firefox|FxiOS)\/(\d+)/.exec(ua))) { return { name: "firefox", version: match[1] }; }
  if (brand("Google Chrome") || brand("Chromium")) {
    return { name: "chrome", version: brand("Google Chrome") || brand("Chromium") };
  }
  // HeadlessChrome/…, Chrome/…, CriOS/… (Chrome on iOS), Chromium/…
  if ((match = /(?:Chrome|CriOS|Chromium)\/(\d+)/.exec(ua))) { return { name: "chrome", version: match[1] }; }
  if (/Safari\//.test(ua) && (match = /\bVersion\/(\d+)/.exec(ua))) { return { name: "safari", version: match[1] }; }
  return { name: "other", version: null };
}

export function osOf() {
  const ua = navigator.userAgent || "";
  const platform = navigator.userAgentData && navigator.userAgentData.platform || "";
  if (/^Windows/i.test(platform) || /Windows/.test(ua)) { return "windows"; }
  if (/Android/i.test(platform) || /Android/.test(ua)) { return "android"; }
  // iPadOS says Macintosh, but a Mac has no touch screen.
  if (/iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1)) { return "ios"; }
  if (/^macOS/i.test(platform) || /Mac OS X|Macintosh/.test(ua)) { return "macos"; }
  if (/^Linux/i.test(platform) || /Linux|X11/.test(ua)) { return "linux"; }
  return "other";
}

export function cookiesWork() {
  try {
    if (!navigator.cookieEnabled) { return false; }
    const name = "ecpa-chat-probe=";
    document.cookie = name + "1; path=/; max-age=10; SameSite=Lax";
    const works = document.cookie.indexOf(name + "1") >= 0;
    document.cookie = name + "; path=/; max-age=0; SameSite=Lax";
    return works;
  } catch (e) {
    return false;
  }
}

export function storageWorks(storage) {
  try {
    const key = "ecpa-chat:probe";
    storage.setItem(key, "1");
    const works = storage.getItem(key) === "1";
    storage.removeItem(key);
    return works;
  } catch (e) {
    return false;
  }
}
