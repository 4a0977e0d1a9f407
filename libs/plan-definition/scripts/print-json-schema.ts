// Prints one of the editor schemas to stdout; `npm run schema:generate` redirects it into the
// checked-in file. Printing rather than writing keeps this library free of file IO.
import { jsonSchemaFiles, type JsonSchemaFileName } from '../src/json-schema/json-schemas';

const name = process.argv[2] as JsonSchemaFileName;
if (!(name in jsonSchemaFiles)) {
  process.stderr.write(`usage: print-json-schema.ts <${Object.keys(jsonSchemaFiles).join('|')}>\n`);
  process.exit(2);
}
process.stdout.write(jsonSchemaFiles[name]());
