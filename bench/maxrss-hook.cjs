// Preloaded with `node --require` when GNU time is not installed: writes the process's peak RSS (kB,
// process.resourceUsage().maxRSS) to $VPNCONF_RSS_FILE when it exits.
'use strict';
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const file = process.env.VPNCONF_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
