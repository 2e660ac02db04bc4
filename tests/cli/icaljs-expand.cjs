// Expands every event of an iCalendar file as Thunderbird does, with ical.js:
// a repeating VEVENT by its RRULE, less its EXDATEs, each RECURRENCE-ID
// VEVENT in the stead of the occurrence it names. Prints one line per
// occurrence that starts before END (YYYY-MM-DD): "start|end|summary", times
// as Unix seconds (an all-day one's as its dates), sorted. Usage: node icaljs-expand.cjs ICAL_JS FILE END
const fs = require('fs');
const ICAL = require(process.argv[2]);
const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(process.argv[3], 'utf8')));
const end = ICAL.Time.fromDateString(process.argv[4]);
for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
const masters = new Map();
const exceptions = [];
for (const ve of comp.getAllSubcomponents('vevent')) {
  const ev = new ICAL.Event(ve);
  if (ve.hasProperty('recurrence-id')) exceptions.push(ev);
  else masters.set(ev.uid, ev);
}
for (const ex of exceptions) {
  const m = masters.get(ex.uid);
  if (m) m.relateException(ex);
  else masters.set(ex.uid + '#' + ex.recurrenceId.toString(), ex);
}
const when = (t) => (t.isDate ? t.toString() : String(t.toUnixTime()));
const lines = [];
for (const ev of masters.values()) {
  if (!ev.isRecurring()) {
    lines.push([when(ev.startDate), when(ev.endDate), ev.summary].join('|'));
    continue;
  }
  const it = ev.iterator();
  for (let t = it.next(); t && t.compare(end) < 0; t = it.next()) {
    const d = ev.getOccurrenceDetails(t);
    lines.push([when(d.startDate), when(d.endDate), d.item.summary].join('|'));
  }
}
lines.sort();
console.log(lines.join('\n'));
