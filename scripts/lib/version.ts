import pkg from '../../package.json' with { type: 'json' }

/** Tool version: SARIF's tool.driver.version and the cache key use it. */
export const version: string = pkg.version
