// A minimal LSP client (tests and the language-server benchmark): starts `yuanku lsp` and speaks JSON-RPC with Content-Length framing
// over its stdin/stdout, the way an editor does.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const YUANKU = fileURLToPath(new URL('../yuanku.ts', import.meta.url))

export interface Message {
  id?: number
  method?: string
  params?: any
  result?: any
  error?: any
}

export class LspClient {
  readonly child: ChildProcessWithoutNullStreams
  readonly notifications: Message[] = []
  private buffer = Buffer.alloc(0)
  private nextId = 1
  private readonly pending = new Map<number, (m: Message) => void>()
  private readonly waiters: { test: (m: Message) => boolean; resolve: (m: Message) => void }[] = []
  stderr = ''

  constructor(cwd: string, env: NodeJS.ProcessEnv = {}) {
    this.child = spawn(process.execPath, ['--no-warnings', YUANKU, 'lsp', '--stdio'], { cwd, env: { ...process.env, ...env } })
    this.child.stdout.on('data', (chunk: Buffer) => this.read(chunk))
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()))
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk])
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n')
      if (headerEnd < 0) return
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1])
      if (this.buffer.length < headerEnd + 4 + length) return
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Message
      this.buffer = this.buffer.subarray(headerEnd + 4 + length)
      if (message.id !== undefined && !message.method) {
        this.pending.get(message.id)?.(message)
        this.pending.delete(message.id)
      } else if (message.method) {
        // Requests from the server (e.g. client/registerCapability) get an empty answer.
        if (message.id !== undefined) this.write({ id: message.id, result: null })
        this.notifications.push(message)
        for (const w of [...this.waiters]) {
          if (w.test(message)) {
            this.waiters.splice(this.waiters.indexOf(w), 1)
            w.resolve(message)
          }
        }
      }
    }
  }

  private write(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8')
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`)
    this.child.stdin.write(body)
  }

  request(method: string, params: unknown): Promise<any> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, (m) => (m.error ? reject(new Error(JSON.stringify(m.error))) : resolve(m.result)))
      this.write({ id, method, params })
    })
  }

  notify(method: string, params: unknown): void {
    this.write({ method, params })
  }

  /** The next notification (already received or still to come) that passes the test. */
  waitFor(test: (m: Message) => boolean, since = 0): Promise<Message> {
    const seen = this.notifications.slice(since).find(test)
    if (seen) return Promise.resolve(seen)
    return new Promise((resolve) => this.waiters.push({ test, resolve }))
  }

  async close(): Promise<void> {
    try {
      await this.request('shutdown', null)
      this.notify('exit', null)
    } catch {
      // already gone
    }
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve()
      else this.child.once('exit', () => resolve())
    })
  }
}
