import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One DynamoDB Local for the whole run; each test file makes its own table.
    globalSetup: ['test/support/global-setup.ts'],
    // Generous: on a 2-core machine with another CPU-heavy process a test that settles a day of
    // timers took 25 s. A hung test still fails; a slow machine is not a failing test.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: {
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      // Tests assert what a caller hears, not how fast: a loaded machine must not turn an answer into
      // a put-through. test/ivr/answer-budget.test.ts sets a budget of its own and checks it.
      IVR_ANSWER_BUDGET_MS: '600000',
    },
    // Two cores here: more workers only queue on DynamoDB Local.
    maxWorkers: 2,
  },
});
