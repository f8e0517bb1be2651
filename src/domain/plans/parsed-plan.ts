import { z } from 'zod'

/** `YYYY-MM-DD`; the parser only emits real calendar dates. */
const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

export const activityKindSchema = z.enum(['participation', 'task', 'report'])

export const parsedActivitySchema = z.object({
  title: z.string(),
  kind: activityKindSchema,
  lead: z.string().nullable(),
  coordinators: z.array(z.string()),
  due: isoDateSchema.nullable(),
  dueText: z.string().nullable(),
})

/**
 * The office's reading of a plan (PRODUCT §6 "Parsed plan JSON"). Key order matches §6 so
 * `JSON.stringify` prints the fields in the documented order. A period bound is `null` when the
 * plan names an event instead of a date ("đến khi kết thúc …") or "từ nay" with no issue date.
 */
export const parsedPlanSchema = z.object({
  title: z.string().nullable(),
  number: z.string().nullable(),
  issuer: z.string().nullable(),
  place: z.string().nullable(),
  issuedOn: isoDateSchema.nullable(),
  period: z
    .object({
      start: isoDateSchema.nullable(),
      end: isoDateSchema.nullable(),
    })
    .nullable(),
  slogans: z.array(z.string()),
  activities: z.array(parsedActivitySchema),
  recipients: z.array(z.string()),
  signer: z
    .object({
      title: z.string(),
      name: z.string(),
    })
    .nullable(),
})

export type ParsedPlan = z.infer<typeof parsedPlanSchema>
export type ParsedActivity = z.infer<typeof parsedActivitySchema>
export type ActivityKind = z.infer<typeof activityKindSchema>
