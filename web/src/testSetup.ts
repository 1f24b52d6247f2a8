// async-validator logs every failed rule to the console in development; tests fail rules on purpose.
Object.assign(globalThis, { ASYNC_VALIDATOR_NO_WARNING: true })
