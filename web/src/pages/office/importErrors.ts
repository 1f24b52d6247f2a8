import type { ImportLineError } from '../../api/imports'
import type { Translator } from '../../api/problem'

// One line's problem in the reader's language, from its code and values; the server's English for a code we
// have no words for yet. A kind of item and a deputy's body come by name and are said in the reader's words.
export function importErrorText(error: ImportLineError, i18n: Translator): string {
  const key = `import.problems.${error.code}`
  if (!error.code || !i18n.te(key)) return error.message
  const args = error.args ?? {}
  const named: Record<string, unknown> = { ...args, line: error.line }
  if (args.kind) named.kind = wordFor(`item.kinds.${args.kind}`, args.kind, i18n)
  for (const name of ['body', 'expectedBody'])
    if (args[name]) named[name] = wordFor(`deputyBody.${args[name]}`, args[name], i18n)
  return i18n.t(key, named)
}

const wordFor = (key: string, fallback: string, i18n: Translator) => (i18n.te(key) ? i18n.t(key, {}) : fallback)
