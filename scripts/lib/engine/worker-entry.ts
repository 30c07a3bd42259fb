// Entry of a lint worker thread: turns Node's compile cache on before the worker's modules load (a
// thread starts with an empty module graph; type-stripping it again costs ~0.2 s), then runs worker.ts.
// Messages posted meanwhile wait in the port until worker.ts listens.
import { enableCompileCache } from 'node:module'

enableCompileCache?.()
await import('./worker.ts')
