// citation.js as a plain converter, for bench/compare.sh: FROM=bibtex|biblatex|csl TO=csl|biblatex
//   node bench/citationjs.js bibtex csl FILE > OUT
'use strict';
const fs = require('fs');
const path = require('path');
const NM = path.join(process.env.ORACLES_HOME || '/opt/oracles', 'node', 'node_modules');
const { Cite, plugins } = require(path.join(NM, '@citation-js', 'core'));
require(path.join(NM, '@citation-js', 'plugin-bibtex'));
const [from, to, file] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
let data;
if (from === 'csl') {
  data = JSON.parse(text);
} else {
  plugins.config.get('@bibtex').parse.biblatex = from === 'biblatex';
  data = plugins.input.chain(text, { forceType: from === 'bibtex' ? '@bibtex/text' : '@biblatex/text', generateGraph: false });
}
const cite = new Cite(data, { generateGraph: false });
process.stdout.write(to === 'csl' ? JSON.stringify(cite.data) : cite.format(to === 'biblatex' ? 'biblatex' : 'bibtex'));
