// Keeps the Pyodide runtime and the calc wheel after the HTTP cache has expired (GitHub Pages
// allows 10 minutes), so a returning visitor does not download about 4 MB again.
// It caches ONLY versioned, immutable files: a new Pyodide or calc gets a new folder, and so a new
// cache. Pages and every other file go to the network exactly as without this worker, so a
// changed page or rule is never served stale. The build hook (tools/site_assets.py) replaces the
// placeholders with the paths of this build, relative to this file (the site root).
const PYODIDE_DIR = new URL("__PYODIDE_DIR__", self.location).href;
const PYODIDE_FILES = "__PYODIDE_FILES__".split(",");
const PYTHON_STDLIB = new URL("__PYTHON_STDLIB__", self.location).href;
const CALC_WHEEL = new URL("__CALC_WHEEL__", self.location).href;
const CALC_DIR = new URL(".", CALC_WHEEL).href;

// One cache per versioned folder, named by its URL: caches of other sites on the same origin
// (GitHub Pages project sites share one) are left alone, and a new wheel keeps the runtime.
const FILES = {
  [PYODIDE_DIR]: PYODIDE_FILES.map((name) => PYODIDE_DIR + name),
  [new URL(".", PYTHON_STDLIB).href]: [PYTHON_STDLIB],
  [CALC_DIR]: [CALC_WHEEL],
};
const SCOPE = self.registration.scope;

self.addEventListener("install", (event) => {
  // Registered once the rekenhulp has loaded, so the files are in the HTTP cache: copy them from
  // there, never from the network, so the first visit downloads nothing twice. A file the HTTP
  // cache did not keep (a private window keeps big files in memory only) is cached by the fetch
  // handler below the next time it is used.
  const copy = Object.entries(FILES).flatMap(([name, urls]) =>
    urls.map(async (url) => {
      const request = new Request(url, { cache: "only-if-cached", mode: "same-origin" });
      const response = await fetch(request).catch(() => null);
      if (response?.status === 200) await (await caches.open(name)).put(url, response);
    }).map((copied) => copied.catch((error) => console.warn("sw:", error))),
  );
  event.waitUntil(Promise.all([...copy, routeAroundThisWorker(event)]).then(() => self.skipWaiting()));
});

// Where the browser supports static routing, everything but the versioned folders goes straight
// to the network: no worker start-up in front of a page. Elsewhere the fetch handler passes it on.
async function routeAroundThisWorker(event) {
  if (!event.addRoutes) return;
  const versioned = Object.keys(FILES).map((dir) => ({ urlPattern: new URLPattern(`${dir}*`) }));
  const routes = [
    { condition: { requestMode: "navigate" }, source: "network" },
    { condition: { not: { or: versioned } }, source: "network" },
  ];
  for (const route of routes) {
    try {
      await event.addRoutes(route); // one by one: a browser without `not` still skips pages
    } catch (error) {
      console.warn("sw: route niet ondersteund", error);
    }
  }
}

self.addEventListener("activate", (event) => {
  // Drop the caches of earlier versions of this site.
  const keep = new Set(Object.keys(FILES));
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith(SCOPE) && !keep.has(n)).map((n) => caches.delete(n))),
      ),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || request.mode === "navigate") return;
  const name = Object.keys(FILES).find((dir) => request.url.startsWith(dir));
  if (name) event.respondWith(cacheFirst(event, name));
  // Anything else: no respondWith, so the browser fetches it as if there were no worker.
});

async function cacheFirst(event, name) {
  const cache = await caches.open(name);
  const hit = await cache.match(event.request);
  if (hit) return hit;
  const response = await fetch(event.request);
  if (response.status === 200) event.waitUntil(cache.put(event.request, response.clone()));
  return response;
}
