// Parses an iCalendar file with ical.js (the parser of Thunderbird) and prints
// one line per VEVENT: uid|zone|start|end|summary, times as Unix seconds, or
// DATE and the day for all-day events; then, for a part of another event,
// "part|uid|parent uid" (RELATED-TO); with --rev, "rev|uid|STATUS|SEQUENCE|LAST-MODIFIED as
// Unix seconds". Usage: node icaljs-check.cjs ICAL_JS FILE [--rev]
const fs = require('fs');
const ICAL = require(process.argv[2]);
const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(process.argv[3], 'utf8')));
for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
for (const ve of comp.getAllSubcomponents('vevent')) {
  const ev = new ICAL.Event(ve);
  const s = ev.startDate;
  const e = ev.endDate;
  const when = (t) => (t.isDate ? t.toString() : String(t.toUnixTime()));
  console.log([ev.uid, s.isDate ? 'DATE' : s.zone.tzid, when(s), when(e), ev.summary].join('|'));
  const rel = ve.getFirstProperty('related-to');
  if (rel) console.log(['part', ev.uid, rel.getFirstValue(), rel.getParameter('reltype') || 'PARENT'].join('|'));
  if (process.argv[4] === '--rev') {
    const lm = ve.getFirstPropertyValue('last-modified');
    console.log(['rev', ev.uid, ve.getFirstPropertyValue('status'), ev.sequence, lm ? lm.toUnixTime() : ''].join('|'));
  }
}
