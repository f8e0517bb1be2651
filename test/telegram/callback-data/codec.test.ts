import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { callbacks, MAX_CALLBACK_BYTES } from '../../../src/telegram/callback-data/codec.js'

describe('callback data', () => {
  test.prop([
    fc.constantFrom(...Object.values(callbacks)),
    fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  ])('round-trips every id within 64 bytes', (codec, id) => {
    const data = codec.pack(id)
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES)
    expect(codec.unpack(data)).toBe(id)
    expect(codec.filter.test(data)).toBe(true)
  })

  test.prop([fc.string({ maxLength: 80 })])(
    'never accepts arbitrary text as another id',
    (text) => {
      const id = callbacks.acknowledge.unpack(text)
      if (id !== undefined) expect(callbacks.acknowledge.pack(id)).toBe(text)
    },
  )

  it.each([
    'v1:a:',
    'v1:a:0',
    'v1:a:-4',
    'v1:a:12x',
    'v2:a:12',
    'v1:p:12',
    'v1:a:99999999999999999',
    'v1:a:1 ',
  ])('refuses %j', (data) => {
    expect(callbacks.acknowledge.unpack(data)).toBeUndefined()
  })

  it('tags are distinct', () => {
    const tags = Object.values(callbacks).map((c) => c.tag)
    expect(new Set(tags).size).toBe(tags.length)
  })
})
