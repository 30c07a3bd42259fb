// The npm mirror reachable from our machines serves only linux-x64 builds of
// platform-specific optional packages (other platforms answer 404). `npm install`
// then writes a lockfile without entries for them, and `npm ci` refuses that
// lockfile ("Missing: @pagefind/darwin-x64@ from lock file"). This adds the
// entries npm would have written with a full registry: version, optional, and
// the os/cpu/libc that make npm skip them on this machine. Run it after every
// `npm install` that changes package-lock.json.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;

function platformOf(name) {
  const tail = name.split('/').pop();
  const os = /darwin/.test(tail) ? 'darwin' : /win32|windows/.test(tail) ? 'win32'
    : /android/.test(tail) ? 'android' : /freebsd/.test(tail) ? 'freebsd'
    : /linux/.test(tail) ? 'linux' : /wasi|wasm/.test(tail) ? null : undefined;
  const cpu = /arm64|aarch64/.test(tail) ? 'arm64' : /x64|x86_64/.test(tail) ? 'x64'
    : /wasm32/.test(tail) ? 'wasm32' : /ia32/.test(tail) ? 'ia32' : /arm/.test(tail) ? 'arm' : undefined;
  const libc = /musl/.test(tail) ? 'musl' : /gnu/.test(tail) ? 'glibc' : undefined;
  return { os, cpu, libc };
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path ? path + '/' : ''}node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (packages[nested] || packages[hoisted]) continue;
    const { os, cpu, libc } = platformOf(dep);
    const stub = { version, optional: true };
    if (cpu) stub.cpu = [cpu];
    if (os) stub.os = [os];
    if (libc) stub.libc = [libc];
    packages[hoisted] = stub;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(LOCK, JSON.stringify(lock, null, 2) + '\n');
console.log(`complete-lockfile: added ${added} platform entr${added === 1 ? 'y' : 'ies'}`);
