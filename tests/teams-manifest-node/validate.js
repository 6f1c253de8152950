// node validate.js FILE.json...
// Validates each JSON file against the schema its "$schema" names, taken from the @microsoft/app-manifest package (the
// schemas the Teams tooling validates with), never fetched: a schema the package does not ship is an error. Validated
// as the package itself does (Ajv for draft-04 or 2020-12, with the uri, email and regex formats).
// Prints one JSON line per file: {"file", "schema", "errors": [...]}; exits 1 if any file is invalid.
"use strict";
const fs = require("fs");
const path = require("path");
const AjvDraft04 = require("ajv-draft-04");
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");

const schemas = path.join(path.dirname(require.resolve("@microsoft/app-manifest/package.json")), "build", "json-schemas");
const prefix = "https://developer.microsoft.com/en-us/json-schemas/";

let failed = false;
for (const file of process.argv.slice(2)) {
  const document = JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  const url = document.$schema || "";
  const result = { file, schema: url, errors: [] };
  const local = url.startsWith(prefix) ? path.join(schemas, url.slice(prefix.length)) : "";
  if (!local || !fs.existsSync(local)) {
    result.errors.push(`$schema '${url}' is not one of the schemas @microsoft/app-manifest ships`);
  } else {
    const schema = JSON.parse(fs.readFileSync(local, "utf8"));
    // unicodeRegExp false: the localization schemas have patterns (a lone "]") that are valid ECMA-262 only without the
    // u flag Ajv adds by default.
    const options = { allErrors: true, strictTypes: false, unicodeRegExp: false };
    const ajv = String(schema.$schema).includes("2020-12") ? new Ajv2020(options) : new AjvDraft04(options);
    addFormats(ajv, ["uri", "email", "regex"]);
    const validate = ajv.compile(schema);
    if (!validate(document)) {
      result.errors = validate.errors.map(e => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
    }
  }
  failed = failed || result.errors.length > 0;
  console.log(JSON.stringify(result));
}
process.exit(failed ? 1 : 0);
