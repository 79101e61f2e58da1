// Parse a GIFT file with gift-pegjs (an independent GIFT parser) and print the questions as JSON.
// Usage: node parse_gift.js FILE
"use strict";
const fs = require("fs");
const { parse } = require("gift-pegjs");

const text = fs.readFileSync(process.argv[2], "utf8");
process.stdout.write(JSON.stringify(parse(text)));
