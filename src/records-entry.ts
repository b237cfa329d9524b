// The entry of dist/garde-records.js: the drop-in's record-keeping (src/core/records-file.ts)
// with the snapshot of what was shown (src/i18n/snapshot.ts, and the strings of the four
// languages it needs), loaded by the drop-in when a receipt waits (src/core/records.script.ts).
import { openRecordsFile } from './core/records-file.js';
import { snapshotText } from './i18n/snapshot.js';

window.gardeRecords = (config, memory) => openRecordsFile(config, memory, snapshotText);
