// Stack traces mapped to the TypeScript sources only when a fault is logged. Node reads the stack of every error a
// stream is destroyed with (each aborted exchange has a few), and mapping each one through the source maps costs a
// third of a millisecond: with hundreds of exchanges cut at once that held up every other request. Mapping is
// turned off for the process once its modules are loaded (their maps stay cached), and turned on for the moment a
// fault's stack is read for the log.

let mapsLoaded = false;

// Stops mapping stacks as they are formatted, keeping the maps already loaded for readableStack; a process that
// never had source maps on is left as it is.
export function mapStacksOnlyWhenLogged(): void {
  if (!process.sourceMapsEnabled) return;
  mapsLoaded = true;
  process.setSourceMapsEnabled(false);
}

// An error's stack as a person reads it: mapped to the sources when maps are loaded and the stack was not formatted
// before (a stack is formatted once, when first read).
export function readableStack(error: Error): string {
  if (!mapsLoaded || process.sourceMapsEnabled) return error.stack ?? error.message;
  process.setSourceMapsEnabled(true);
  try {
    return error.stack ?? error.message;
  } finally {
    process.setSourceMapsEnabled(false);
  }
}
