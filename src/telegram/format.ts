// One definition for the chat and the exports: the domain's report writers need them too.
export { formatDay, formatPercent } from '../domain/reports/report-format.js'
