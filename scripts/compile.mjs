// Compiles scripts/ to JavaScript beside the TypeScript sources for the npm package (prepack), and removes
// that output again (postpack), so that a checkout keeps running its sources. Plain JavaScript: it runs
// before anything is compiled.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

function compiledFiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) compiledFiles(path, out)
    // Only a .js with a .ts source beside it is compiler output.
    else if (name.endsWith('.js') && existsSync(path.slice(0, -3) + '.ts')) out.push(path)
  }
  return out
}

if (process.argv[2] === 'clean') {
  for (const file of compiledFiles(join(ROOT, 'scripts'))) rmSync(file)
} else {
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc')
  const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' })
  if (r.status !== 0) {
    for (const file of compiledFiles(join(ROOT, 'scripts'))) rmSync(file)
    process.exit(r.status ?? 2)
  }
}
