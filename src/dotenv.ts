import { config } from 'dotenv'

// quiet: dotenv 17 otherwise prints a banner on stdout, which would corrupt `plan import --json`.
config({ quiet: true })
