// Expands every event of an iCalendar file as Thunderbird does, with ical.js:
// a repeating VEVENT by its RRULEs and RDATEs, less its EXDATEs, each
// RECURRENCE-ID VEVENT in the stead of the occurrence it names (RANGE=
// THISANDFUTURE as ical.js applies it). Prints one line per occurrence that
// starts in [FROM, END) (YYYY-MM-DD; FROM defaults to the beginning of time):
// "start|end|summary", times as Unix seconds (an all-day one's as its dates),
// sorted. A time whose TZID no VTIMEZONE of the file defines is read in
// that zone of the system's zone data (Intl) when it has it; a time without a
// zone (floating), in the calendar's X-WR-TIMEZONE, else in Asia/Omsk
// (omskplan's zone in the tests), as omskplan reads them; ical.js alone would
// take both for UTC. An event without a
// UID is an event of its own. Usage: node icaljs-expand.cjs ICAL_JS FILE END [FROM]
const fs = require('fs');
const ICAL = require(process.argv[2]);
const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(process.argv[3], 'utf8')));
const end = ICAL.Time.fromDateString(process.argv[4]);
const from = process.argv[5] ? ICAL.Time.fromDateString(process.argv[5]) : null;
for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
const floatingZone = String(comp.getFirstPropertyValue('x-wr-timezone') || 'Asia/Omsk').trim();
// The offset (ms) of a zone at an instant, from the system's zone data (Intl); null for a name it does not know.
const formats = new Map();
const offsetAt = (zone, ms) => {
  if (!formats.has(zone)) {
    let f = null;
    try {
      f = new Intl.DateTimeFormat('en-US', {timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit',
        day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'});
    } catch (e) { /* not a zone Intl knows */ }
    formats.set(zone, f);
  }
  const f = formats.get(zone);
  if (!f) return null;
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - ms;
};
// `tzid`: the TZID the event's own DTSTART or DTEND was written with (an occurrence's time loses it).
const unix = (t, tzid) => {
  if (t.zone !== ICAL.Timezone.localTimezone) return t.toUnixTime();
  const named = t.timezone || tzid;
  const zone = named && offsetAt(named, 0) !== null ? named : floatingZone;
  const local = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  return (local - offsetAt(zone, local - offsetAt(zone, local))) / 1000;
};
const masters = new Map();
const exceptions = [];
let n = 0;
for (const ve of comp.getAllSubcomponents('vevent')) {
  const ev = new ICAL.Event(ve);
  n += 1;
  if (ve.hasProperty('recurrence-id')) exceptions.push(ev);
  else masters.set(ev.uid || '#' + n, ev);
}
for (const ex of exceptions) {
  const m = masters.get(ex.uid);
  if (m) m.relateException(ex);
  else masters.set(ex.uid + '#' + ex.recurrenceId.toString(), ex);
}
const tzidOf = (item, prop) => {
  const p = item.component.getFirstProperty(prop);
  return p ? p.getParameter('tzid') : undefined;
};
const when = (t, item, prop) => (t.isDate ? t.toString() : String(unix(t, tzidOf(item, prop))));
// A date is compared as its day; a date-time as its instant, against the window's days in UTC.
const inWindow = (t, item) => {
  const u = t.isDate ? ICAL.Time.fromDateString(t.toString()).toUnixTime() : unix(t, tzidOf(item, 'dtstart'));
  return (!from || u >= from.toUnixTime()) && u < end.toUnixTime();
};
const lines = [];
for (const ev of masters.values()) {
  if (!ev.isRecurring()) {
    if (inWindow(ev.startDate, ev)) {
      lines.push([when(ev.startDate, ev, 'dtstart'), when(ev.endDate, ev, 'dtend'), ev.summary].join('|'));
    }
    continue;
  }
  const it = ev.iterator();
  for (let t = it.next(); t && t.compare(end) < 0; t = it.next()) {
    const d = ev.getOccurrenceDetails(t);
    if (inWindow(d.startDate, d.item)) {
      lines.push([when(d.startDate, d.item, 'dtstart'), when(d.endDate, d.item, 'dtend'), d.item.summary].join('|'));
    }
  }
}
lines.sort();
console.log(lines.join('\n'));
