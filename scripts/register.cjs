// Lets node run the repository's TypeScript directly (`node -r ./scripts/register.cjs file.ts`):
// SWC compiles on load and resolves the @planledger/* paths of tsconfig.base.json.
const path = require('node:path');
process.env.SWC_NODE_PROJECT ??= path.join(__dirname, '..', 'tsconfig.base.json');
require('@swc-node/register');
