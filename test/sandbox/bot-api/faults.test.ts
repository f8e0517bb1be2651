import { describe, expect, it } from 'vitest'
import { GrammyError, HttpError } from 'grammy'
import { AN, BASIC_GROUP, BINH, GROUP, failure, setup } from './fixture.js'

describe('injected faults', () => {
  it('answers 429 with retry_after that grammY exposes on GrammyError.parameters', async () => {
    const { tg, api } = await setup()
    tg.failNext('sendMessage', { status: 429, retryAfter: 7 })
    const error = await failure(api.sendMessage(GROUP, 'Nhắc nhở'))
    expect(error).toBeInstanceOf(GrammyError)
    expect((error as GrammyError).error_code).toBe(429)
    expect((error as GrammyError).description).toBe('Too Many Requests: retry after 7')
    expect((error as GrammyError).parameters.retry_after).toBe(7)
    // Only the next call fails.
    await expect(api.sendMessage(GROUP, 'Nhắc nhở')).resolves.toMatchObject({ text: 'Nhắc nhở' })
    expect(tg.callsOf('sendMessage').map((c) => c.status)).toEqual([429, 200])
  })

  it('fails 5xx only for the chosen chat, count times', async () => {
    const { tg, api } = await setup()
    tg.addGroup({ id: -1005555, title: 'Trung tâm CNTT' })
    tg.failNext('sendMessage', { status: 502 }, { count: 2, chatId: GROUP })
    await expect(api.sendMessage(-1005555, 'a')).resolves.toBeDefined()
    const first = await failure(api.sendMessage(GROUP, 'b'))
    expect((first as GrammyError).error_code).toBe(502)
    expect((first as GrammyError).description).toBe('Bad Gateway')
    tg.failNext('getChat', { status: 500 })
    expect(((await failure(api.getChat(GROUP))) as GrammyError).description).toBe(
      'Internal Server Error',
    )
    await expect(failure(api.sendMessage(GROUP, 'c'))).resolves.toBeInstanceOf(GrammyError)
    await expect(api.sendMessage(GROUP, 'd')).resolves.toBeDefined()
  })

  it('timeout: holds the request, then drops the connection without an answer', async () => {
    const { tg, api } = await setup()
    tg.failNext('sendMessage', { kind: 'timeout', ms: 50 })
    const error = await failure(api.sendMessage(GROUP, 'x'))
    expect(error).toBeInstanceOf(HttpError)
    const call = await tg.waitForCall((c) => c.method === 'sendMessage')
    expect(call).toMatchObject({ ok: false, status: 0 })
    await expect(api.sendMessage(GROUP, 'y')).resolves.toBeDefined()
  })

  it('random faults are reproducible from the seed', async () => {
    const outcomes: boolean[][] = []
    for (let run = 0; run < 2; run += 1) {
      const { tg, api } = await setup({ enforceLimits: false })
      tg.failRandomly('sendMessage', {
        rate: 0.3,
        faults: [{ status: 500 }, { status: 429, retryAfter: 1 }],
        seed: 42,
      })
      const results: boolean[] = []
      for (let i = 0; i < 20; i += 1) {
        results.push(
          await api.sendMessage(GROUP, `tin ${i}`).then(
            () => true,
            () => false,
          ),
        )
      }
      outcomes.push(results)
      await tg.close()
    }
    expect(outcomes[0]).toEqual(outcomes[1])
    expect(outcomes[0]?.filter((ok) => !ok).length).toBeGreaterThan(0)
  })
})

describe("Telegram's own refusals", () => {
  it('migrated group: 400 with migrate_to_chat_id; the old messages stay', async () => {
    const { tg, api } = await setup()
    tg.addGroup({ id: BASIC_GROUP, title: 'Phòng Kế hoạch' })
    tg.setMember(BASIC_GROUP, AN.id, 'creator')
    await api.sendMessage(BASIC_GROUP, 'Trước khi nâng cấp')
    const newId = tg.migrateGroup(BASIC_GROUP)
    expect(String(newId)).toMatch(/^-100\d{10}$/)

    const error = await failure(api.sendMessage(BASIC_GROUP, 'Sau'))
    expect((error as GrammyError).error_code).toBe(400)
    expect((error as GrammyError).description).toBe(
      'Bad Request: group chat was upgraded to a supergroup chat',
    )
    expect((error as GrammyError).parameters.migrate_to_chat_id).toBe(newId)

    await expect(api.sendMessage(newId, 'Sau')).resolves.toMatchObject({
      chat: { id: newId, type: 'supergroup' },
    })
    expect(tg.transcript(BASIC_GROUP).map((e) => e.text ?? e.kind)).toEqual([
      'Trước khi nâng cấp',
      'service',
    ])
    const updates = await api.getUpdates({ timeout: 0 })
    expect(
      updates.map((u) => u.message?.migrate_to_chat_id ?? u.message?.migrate_from_chat_id),
    ).toEqual([newId, BASIC_GROUP])
  })

  it('kicked bot: my_chat_member, then 403 on every send', async () => {
    const { tg, api } = await setup()
    const update = tg.kickBot(GROUP, AN.id)
    expect(update.my_chat_member?.old_chat_member.status).toBe('member')
    expect(update.my_chat_member?.new_chat_member.status).toBe('kicked')
    const error = await failure(api.sendMessage(GROUP, 'x'))
    expect((error as GrammyError).error_code).toBe(403)
    expect((error as GrammyError).description).toBe(
      'Forbidden: bot was kicked from the supergroup chat',
    )

    tg.addGroup({ id: BASIC_GROUP, title: 'Phòng Kế hoạch' })
    tg.kickBot(BASIC_GROUP, AN.id)
    const basic = await failure(api.sendMessage(BASIC_GROUP, 'x'))
    expect((basic as GrammyError).description).toBe('Forbidden: bot was kicked from the group chat')
  })

  it('private chats: not started, blocked, unknown', async () => {
    const { tg, api } = await setup()
    const notStarted = await failure(api.sendMessage(BINH.id, 'Chào'))
    expect((notStarted as GrammyError).description).toBe(
      "Forbidden: bot can't initiate conversation with a user",
    )
    tg.sendText(BINH.id, BINH.id, '/start')
    await expect(api.sendMessage(BINH.id, 'Chào')).resolves.toBeDefined()
    const blocked = tg.blockBot(BINH.id)
    expect(blocked.my_chat_member?.new_chat_member.status).toBe('kicked')
    const error = await failure(api.sendMessage(BINH.id, 'Chào'))
    expect((error as GrammyError).description).toBe('Forbidden: bot was blocked by the user')
    const unknown = await failure(api.sendMessage(424242, 'Chào'))
    expect((unknown as GrammyError).description).toBe('Bad Request: chat not found')
    const unknownGroup = await failure(api.sendMessage(-100777, 'Chào'))
    expect((unknownGroup as GrammyError).description).toBe('Bad Request: chat not found')
  })

  it('raw HTTP: wrong token 401, unknown method 404, form bodies, case-insensitive names', async () => {
    const { tg } = await setup()
    const wrong = await fetch(`${tg.apiRoot}/bot1:WRONG/getMe`)
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' })

    const unknown = await fetch(`${tg.apiRoot}/bot${tg.token}/sendTelepathy`, { method: 'POST' })
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toEqual({
      ok: false,
      error_code: 404,
      description: 'Not Found: method not found',
    })

    const form = await fetch(`${tg.apiRoot}/bot${tg.token}/SENDMESSAGE`, {
      method: 'POST',
      body: new URLSearchParams({
        chat_id: String(GROUP),
        text: '{"not":"json"}',
        reply_markup: JSON.stringify({
          inline_keyboard: [[{ text: 'Xem', callback_data: 'v:1' }]],
        }),
      }),
    })
    const body = (await form.json()) as {
      ok: boolean
      result: { text: string; reply_markup: unknown }
    }
    expect(body.ok).toBe(true)
    expect(body.result.text).toBe('{"not":"json"}')
    expect(body.result.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Xem', callback_data: 'v:1' }]],
    })

    const query = await fetch(`${tg.apiRoot}/bot${tg.token}/getChat?chat_id=${GROUP}`)
    expect(((await query.json()) as { result: { title: string } }).result.title).toBe(
      'Văn phòng Sở',
    )

    const missing = await fetch(`${tg.apiRoot}/bot${tg.token}/sendMessage`, { method: 'POST' })
    expect(missing.status).toBe(400)
    expect(((await missing.json()) as { description: string }).description).toBe(
      'Bad Request: chat_id is empty',
    )
    expect(tg.calls.map((c) => c.method)).toEqual([
      'sendTelepathy',
      'sendMessage',
      'getChat',
      'sendMessage',
    ])
  })
})
