// Preloaded (`--import`) into a build that has Astro's telemetry on: its report never leaves the
// machine and never settles, as on a network that does not answer (Astro waits 400 ms for it).
globalThis.fetch = () => new Promise(() => {});
