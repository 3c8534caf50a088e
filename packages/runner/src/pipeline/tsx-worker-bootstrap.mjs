// Starts the extraction worker from TypeScript sources: registers the tsx loader inside this worker
// thread, then loads extract-worker.ts. Used when the runner itself runs from sources (tests, tsx).
import { register } from 'tsx/esm/api';

register();
await import(new URL('./extract-worker.ts', import.meta.url).href);
