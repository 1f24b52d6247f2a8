// The call hub speaks the MessagePack hub protocol. Its server writes a record's properties under their C# names
// (PascalCase) and a DateTime as a MessagePack timestamp (a Date here); the browser's types follow the JSON
// protocol's shapes (camelCase, ISO strings). Everything that comes from the hub passes fromHub, every object sent
// to it passes toHub: the one place where the two shapes meet.

type Case = (key: string) => string

const lowerFirst: Case = (key) => key.charAt(0).toLowerCase() + key.slice(1)
const upperFirst: Case = (key) => key.charAt(0).toUpperCase() + key.slice(1)

function rename(value: unknown, key: Case): unknown {
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map((v) => rename(v, key))
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [key(k), rename(v, key)]))
}

/** A hub argument or result as the JSON protocol would have given it: camelCase keys, dates as ISO strings. */
export const fromHub = (value: unknown): unknown => rename(value, lowerFirst)

/** An object argument with the C# property names the server's MessagePack reader matches. */
export const toHub = (value: unknown): unknown => rename(value, upperFirst)
