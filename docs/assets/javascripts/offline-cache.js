// Registers the site's service worker (sw.js at the site root), which keeps only the versioned
// Pyodide runtime and calc wheel so a returning visitor does not download them again. Call it
// once the rekenhulp has loaded: the files are then in the HTTP cache, and the worker copies them
// from there without a second download. Pages without a rekenhulp never register it.
const SW_URL = new URL("../../sw.js", import.meta.url);
const SCOPE = new URL("../../", import.meta.url);

let registered = false;

export function registerCache() {
  if (registered || !("serviceWorker" in navigator)) return;
  registered = true;
  navigator.serviceWorker
    .register(SW_URL, { scope: SCOPE.pathname, type: "classic" })
    .catch((error) => console.warn("offline-cache:", error));
}
