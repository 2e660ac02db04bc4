#include "store/migrations.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "store/db.hpp"

#include <fmt/format.h>

namespace omskplan::store {

namespace {

// ё/Ё → е/Е as SQL, for what the full-text index stores.
std::string yo(const std::string& col) { return fmt::format("replace(replace({}, 'ё', 'е'), 'Ё', 'Е')", col); }

// The values the full-text index of each table stores for a row (`row`:
// NEW in a trigger, the table itself in a SELECT).
std::string event_fts_values(const std::string& row) {
  return fmt::format("{}.id, {}, {}, {}", row, yo(row + ".title"), yo(row + ".venue"), yo(row + ".notes"));
}
std::string organization_fts_values(const std::string& row) { return fmt::format("{}.id, {}", row, yo(row + ".name")); }
std::string agreement_fts_values(const std::string& row) {
  return fmt::format("{}.id, {}.number, {}", row, row, yo(row + ".title"));
}

std::string event_fts_sql() {
  return fmt::format(R"sql(
CREATE VIRTUAL TABLE event_fts USING fts5(title, venue, notes, tokenize = 'unicode61');
CREATE TRIGGER event_fts_insert AFTER INSERT ON event BEGIN
  INSERT INTO event_fts(rowid, title, venue, notes) VALUES ({0});
END;
CREATE TRIGGER event_fts_update AFTER UPDATE OF title, venue, notes ON event BEGIN
  DELETE FROM event_fts WHERE rowid = OLD.id;
  INSERT INTO event_fts(rowid, title, venue, notes) VALUES ({0});
END;
CREATE TRIGGER event_fts_delete AFTER DELETE ON event BEGIN
  DELETE FROM event_fts WHERE rowid = OLD.id;
END;
)sql",
                     event_fts_values("NEW"));
}

// One table's full-text index: its columns, how its rows' values are made.
struct FtsTable {
  const char* table;
  const char* columns;
  std::string (*values)(const std::string&);
};
const FtsTable kFtsTables[] = {{"event", "title, venue, notes", event_fts_values},
                               {"organization", "name", organization_fts_values},
                               {"agreement", "number, title", agreement_fts_values}};

// Schema 14: the full-text indexes keep no copy of the text (contentless:
// they were 7% of a database of events), and records created whole
// (store::NewRecord) are indexed once, at commit. While a table is named in
// fts_deferred, its rows from first_id on are not in the index yet: the
// triggers leave them alone and the commit (Db::index_deferred) indexes them.
// FTS5 writes a new segment at every statement of a transaction (its
// savepoint), so a row-by-row index of 100 000 imported events cost 20 s of
// merging. A contentless index forgets a row only when told its words again
// ('delete' with the old values): the same expressions make them.
std::string fts_v14_table_sql(const FtsTable& t) {
  return fmt::format(R"sql(
DROP TRIGGER IF EXISTS {0}_fts_insert;
DROP TRIGGER IF EXISTS {0}_fts_update;
DROP TRIGGER IF EXISTS {0}_fts_delete;
DROP TABLE {0}_fts;
CREATE VIRTUAL TABLE {0}_fts USING fts5({1}, content = '', tokenize = 'unicode61');
INSERT INTO {0}_fts(rowid, {1}) SELECT {2} FROM {0};
CREATE TRIGGER {0}_fts_insert AFTER INSERT ON {0}
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE tbl = '{0}') BEGIN
  INSERT INTO {0}_fts(rowid, {1}) VALUES ({3});
END;
CREATE TRIGGER {0}_fts_update AFTER UPDATE OF {1} ON {0}
WHEN OLD.id < coalesce((SELECT first_id FROM fts_deferred WHERE tbl = '{0}'), OLD.id + 1) BEGIN
  INSERT INTO {0}_fts({0}_fts, rowid, {1}) VALUES ('delete', {4});
  INSERT INTO {0}_fts(rowid, {1}) VALUES ({3});
END;
CREATE TRIGGER {0}_fts_delete AFTER DELETE ON {0}
WHEN OLD.id < coalesce((SELECT first_id FROM fts_deferred WHERE tbl = '{0}'), OLD.id + 1) BEGIN
  INSERT INTO {0}_fts({0}_fts, rowid, {1}) VALUES ('delete', {4});
END;
)sql",
                     t.table, t.columns, t.values(t.table), t.values("NEW"), t.values("OLD"));
}

std::string fts_v14_sql() {
  return fmt::format(R"sql(
CREATE TABLE fts_deferred (
  tbl      TEXT PRIMARY KEY,
  first_id INTEGER NOT NULL  -- the table's rows from this id on are indexed at commit
) STRICT, WITHOUT ROWID;
{}{}{})sql",
                     fts_v14_table_sql(kFtsTables[0]), fts_v14_table_sql(kFtsTables[1]),
                     fts_v14_table_sql(kFtsTables[2]));
}

const char* kSchemaV1 = R"sql(
CREATE TABLE command (
  id      INTEGER PRIMARY KEY,
  at_utc  TEXT NOT NULL,
  os_user TEXT NOT NULL,
  argv    TEXT NOT NULL
) STRICT;

-- One row per changed record: a JSON snapshot before and after (see store/audit.hpp).
CREATE TABLE audit (
  id         INTEGER PRIMARY KEY,
  command_id INTEGER NOT NULL REFERENCES command(id) ON DELETE CASCADE,
  entity     TEXT NOT NULL,
  entity_id  INTEGER NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  before     TEXT,
  after      TEXT
) STRICT;
CREATE INDEX audit_entity ON audit(entity, entity_id);
CREATE INDEX audit_command ON audit(command_id);

CREATE TABLE event (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  title            TEXT NOT NULL CHECK (length(title) > 0),
  title_pattern    TEXT,
  kind             TEXT NOT NULL CHECK (kind IN ('city-day', 'victory-day', 'holiday', 'concert', 'opening',
                     'conference', 'round-table', 'seminar', 'ceremony', 'exhibition', 'sport', 'meeting',
                     'other')),
  level            TEXT NOT NULL CHECK (level IN ('municipal', 'regional', 'intercity', 'international')),
  start_utc        TEXT NOT NULL,
  end_utc          TEXT NOT NULL,
  all_day          INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
  venue            TEXT NOT NULL DEFAULT '',
  organizer        TEXT NOT NULL DEFAULT '',
  status           TEXT NOT NULL DEFAULT 'planned'
                     CHECK (status IN ('planned', 'confirmed', 'held', 'cancelled')),
  notes            TEXT NOT NULL DEFAULT '',
  template_id      TEXT,
  anniversary_base INTEGER,
  ordinal          INTEGER,
  sequence         INTEGER NOT NULL DEFAULT 0,
  cloned_from      INTEGER REFERENCES event(id) ON DELETE SET NULL,
  created_utc      TEXT NOT NULL,
  updated_utc      TEXT NOT NULL,
  length_s         INTEGER NOT NULL DEFAULT 0 CHECK (length_s >= 0),  -- end − start in seconds, for index scans
  CHECK (end_utc >= start_utc)
) STRICT;
CREATE INDEX event_start ON event(start_utc);
CREATE INDEX event_length ON event(length_s);
CREATE INDEX event_kind_start ON event(kind, start_utc);

CREATE TABLE event_tag (
  event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
  tag      TEXT NOT NULL CHECK (length(tag) > 0),
  PRIMARY KEY (event_id, tag)
) STRICT;
CREATE INDEX event_tag_tag ON event_tag(tag);

CREATE TABLE participant (
  id       INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  who      TEXT NOT NULL CHECK (length(who) > 0),
  who_key  TEXT NOT NULL,
  role     TEXT NOT NULL DEFAULT '',
  vip      INTEGER NOT NULL DEFAULT 0 CHECK (vip IN (0, 1))
) STRICT;
CREATE INDEX participant_event ON participant(event_id);
CREATE INDEX participant_vip ON participant(who_key) WHERE vip = 1;

CREATE TABLE task (
  id         INTEGER PRIMARY KEY,
  event_id   INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
  no         INTEGER NOT NULL CHECK (no > 0),
  title      TEXT NOT NULL CHECK (length(title) > 0),
  owner      TEXT NOT NULL DEFAULT '',
  due        TEXT NOT NULL,
  due_offset TEXT,
  status     TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'done', 'cancelled')),
  done_on    TEXT,
  UNIQUE (event_id, no)
) STRICT;
CREATE INDEX task_open_due ON task(due) WHERE status = 'todo';

CREATE TABLE program_item (
  id           INTEGER PRIMARY KEY,
  event_id     INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
  no           INTEGER NOT NULL CHECK (no > 0),
  at_utc       TEXT NOT NULL,
  at_spec      TEXT,
  duration_min INTEGER NOT NULL DEFAULT 0 CHECK (duration_min >= 0),
  title        TEXT NOT NULL CHECK (length(title) > 0),
  responsible  TEXT NOT NULL DEFAULT '',
  UNIQUE (event_id, no)
) STRICT;

CREATE TABLE lesson (
  id          INTEGER PRIMARY KEY,
  event_id    INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
  text        TEXT NOT NULL CHECK (length(text) > 0),
  added_utc   TEXT NOT NULL,
  origin_uuid TEXT
) STRICT;
CREATE INDEX lesson_event ON lesson(event_id);
)sql";


const char* kSchemaV2 = R"sql(
CREATE TABLE organization (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL CHECK (length(name) > 0),
  kind        TEXT NOT NULL CHECK (kind IN ('company', 'entrepreneur', 'ngo', 'other')),
  inn         TEXT UNIQUE CHECK (inn IS NULL OR length(inn) IN (10, 12)),
  ogrn        TEXT CHECK (ogrn IS NULL OR length(ogrn) IN (13, 15)),
  contact     TEXT NOT NULL DEFAULT '',
  phone       TEXT NOT NULL DEFAULT '',
  email       TEXT NOT NULL DEFAULT '',
  address     TEXT NOT NULL DEFAULT '',
  notes       TEXT NOT NULL DEFAULT '',
  created_utc TEXT NOT NULL,
  updated_utc TEXT NOT NULL
) STRICT;

CREATE TABLE agreement (
  id                 INTEGER PRIMARY KEY,
  uuid               TEXT NOT NULL UNIQUE,
  number             TEXT NOT NULL UNIQUE CHECK (length(number) > 0),
  title              TEXT NOT NULL CHECK (length(title) > 0),
  org_id             INTEGER NOT NULL REFERENCES organization(id) ON DELETE RESTRICT,
  sphere             TEXT NOT NULL,
  signed_on          TEXT,
  valid_from         TEXT,
  valid_to           TEXT,
  value_kop          INTEGER NOT NULL DEFAULT 0 CHECK (value_kop >= 0),
  status             TEXT NOT NULL CHECK (status IN ('draft', 'signed', 'active', 'fulfilled', 'terminated')),
  terminated_on      TEXT,
  termination_reason TEXT NOT NULL DEFAULT '',
  signed_at_event    INTEGER REFERENCES event(id) ON DELETE SET NULL,
  notes              TEXT NOT NULL DEFAULT '',
  files              TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(files)),
  created_utc        TEXT NOT NULL,
  updated_utc        TEXT NOT NULL,
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
) STRICT;
CREATE INDEX agreement_org ON agreement(org_id);
CREATE INDEX agreement_signed ON agreement(signed_on, id);
CREATE INDEX agreement_status_valid_to ON agreement(status, valid_to);

CREATE TABLE obligation (
  id           INTEGER PRIMARY KEY,
  agreement_id INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
  no           INTEGER NOT NULL CHECK (no > 0),
  party        TEXT NOT NULL CHECK (party IN ('administration', 'partner')),
  text         TEXT NOT NULL CHECK (length(text) > 0),
  due          TEXT,
  value_kop    INTEGER CHECK (value_kop IS NULL OR value_kop >= 0),
  done_on      TEXT,
  UNIQUE (agreement_id, no)
) STRICT;
CREATE INDEX obligation_open_due ON obligation(due) WHERE done_on IS NULL;
CREATE INDEX obligation_done ON obligation(done_on) WHERE done_on IS NOT NULL;

CREATE TABLE award (
  id         INTEGER PRIMARY KEY,
  year       INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  org_id     INTEGER NOT NULL REFERENCES organization(id) ON DELETE RESTRICT,
  title      TEXT NOT NULL CHECK (length(title) > 0),
  decided_on TEXT,
  notes      TEXT NOT NULL DEFAULT '',
  UNIQUE (year, org_id, title)
) STRICT;
CREATE INDEX award_org ON award(org_id);

CREATE TABLE badge (
  id        INTEGER PRIMARY KEY,
  year      INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  number    INTEGER NOT NULL CHECK (number > 0),
  org_id    INTEGER NOT NULL REFERENCES organization(id) ON DELETE RESTRICT,
  issued_on TEXT NOT NULL,
  UNIQUE (year, number),
  UNIQUE (year, org_id)
) STRICT;

CREATE VIRTUAL TABLE organization_fts USING fts5(name, tokenize = 'unicode61');
CREATE TRIGGER organization_fts_insert AFTER INSERT ON organization BEGIN
  INSERT INTO organization_fts(rowid, name) VALUES (NEW.id, replace(replace(NEW.name, 'ё', 'е'), 'Ё', 'Е'));
END;
CREATE TRIGGER organization_fts_update AFTER UPDATE OF name ON organization BEGIN
  DELETE FROM organization_fts WHERE rowid = OLD.id;
  INSERT INTO organization_fts(rowid, name) VALUES (NEW.id, replace(replace(NEW.name, 'ё', 'е'), 'Ё', 'Е'));
END;
CREATE TRIGGER organization_fts_delete AFTER DELETE ON organization BEGIN
  DELETE FROM organization_fts WHERE rowid = OLD.id;
END;

CREATE VIRTUAL TABLE agreement_fts USING fts5(number, title, tokenize = 'unicode61');
CREATE TRIGGER agreement_fts_insert AFTER INSERT ON agreement BEGIN
  INSERT INTO agreement_fts(rowid, number, title)
  VALUES (NEW.id, NEW.number, replace(replace(NEW.title, 'ё', 'е'), 'Ё', 'Е'));
END;
CREATE TRIGGER agreement_fts_update AFTER UPDATE OF number, title ON agreement BEGIN
  DELETE FROM agreement_fts WHERE rowid = OLD.id;
  INSERT INTO agreement_fts(rowid, number, title)
  VALUES (NEW.id, NEW.number, replace(replace(NEW.title, 'ё', 'е'), 'Ё', 'Е'));
END;
CREATE TRIGGER agreement_fts_delete AFTER DELETE ON agreement BEGIN
  DELETE FROM agreement_fts WHERE rowid = OLD.id;
END;
)sql";


const char* kSchemaV3 = R"sql(
CREATE TABLE site (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  code          TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
  name          TEXT NOT NULL CHECK (length(name) > 0),
  address       TEXT NOT NULL DEFAULT '',
  lat           REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
  lon           REAL CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),
  program       TEXT NOT NULL DEFAULT '',
  work          TEXT NOT NULL CHECK (work IN ('construction', 'reconstruction', 'capital-repair')),
  customer_id   INTEGER REFERENCES organization(id) ON DELETE SET NULL,
  contractor_id INTEGER REFERENCES organization(id) ON DELETE SET NULL,
  deadline      TEXT,
  progress      INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  risk          TEXT NOT NULL CHECK (risk IN ('extreme', 'high', 'significant', 'medium', 'moderate', 'low')),
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  notes         TEXT NOT NULL DEFAULT '',
  created_utc   TEXT NOT NULL,
  updated_utc   TEXT NOT NULL
) STRICT;
CREATE INDEX site_program ON site(program);

CREATE TABLE agency (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  kind  TEXT NOT NULL CHECK (kind IN ('regional', 'oversight', 'municipal', 'federal', 'other')),
  notes TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE agency_member (
  id        INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
  name      TEXT NOT NULL CHECK (length(name) > 0),
  position  TEXT NOT NULL DEFAULT '',
  phone     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX agency_member_agency ON agency_member(agency_id);

-- An agency must attend visits to sites of this program and/or kind of work ('' = any).
CREATE TABLE agency_requirement (
  agency_id INTEGER NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
  program   TEXT NOT NULL DEFAULT '',
  work      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (agency_id, program, work)
) STRICT;

CREATE TABLE visit (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  week        TEXT NOT NULL,
  day         TEXT NOT NULL,
  seq         INTEGER NOT NULL DEFAULT 0,
  arrive_utc  TEXT,
  depart_utc  TEXT,
  status      TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  held_on     TEXT,
  score       REAL NOT NULL DEFAULT 0,
  why         TEXT NOT NULL DEFAULT '',
  notes       TEXT NOT NULL DEFAULT '',
  created_utc TEXT NOT NULL
) STRICT;
-- A site is visited at most once a week: the cron job and a person cannot plan it twice.
CREATE UNIQUE INDEX visit_site_week ON visit(site_id, week) WHERE status != 'cancelled';
CREATE INDEX visit_week ON visit(week, day, seq);
CREATE INDEX visit_site_held ON visit(site_id, held_on) WHERE status = 'held';

CREATE TABLE visit_agency (
  visit_id  INTEGER NOT NULL REFERENCES visit(id) ON DELETE CASCADE,
  agency_id INTEGER NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
  PRIMARY KEY (visit_id, agency_id)
) STRICT;

CREATE TABLE visit_attendee (
  visit_id  INTEGER NOT NULL REFERENCES visit(id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES agency_member(id) ON DELETE CASCADE,
  PRIMARY KEY (visit_id, member_id)
) STRICT;

CREATE TABLE finding (
  id                 INTEGER PRIMARY KEY,
  site_id            INTEGER NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  visit_id           INTEGER REFERENCES visit(id) ON DELETE SET NULL,
  text               TEXT NOT NULL CHECK (length(text) > 0),
  severity           TEXT NOT NULL CHECK (severity IN ('critical', 'major', 'minor')),
  responsible_org    INTEGER REFERENCES organization(id) ON DELETE SET NULL,
  responsible_person TEXT NOT NULL DEFAULT '',
  due                TEXT,
  status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-progress', 'resolved', 'verified')),
  created_utc        TEXT NOT NULL,
  updated_utc        TEXT NOT NULL
) STRICT;
CREATE INDEX finding_site ON finding(site_id);
CREATE INDEX finding_open_due ON finding(due) WHERE status IN ('open', 'in-progress');

CREATE TABLE finding_change (
  id          INTEGER PRIMARY KEY,
  finding_id  INTEGER NOT NULL REFERENCES finding(id) ON DELETE CASCADE,
  at_utc      TEXT NOT NULL,
  from_status TEXT,
  to_status   TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX finding_change_finding ON finding_change(finding_id);
)sql";

// Structural units and work plans (issue 14). Units are never deleted, only
// closed; a rename keeps the old name in unit_name. A plan's sections are
// copied from its plan template when it is made; its items have control
// points (one per due date: a monthly item has one a month), postponements
// keep the original date, amendments of an approved plan keep the item before
// and after, and the approved text is kept whole (plan_version).
const char* kSchemaV7 = R"sql(
CREATE TABLE unit (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid        TEXT NOT NULL UNIQUE,
  code        TEXT NOT NULL CHECK (length(code) > 0),
  code_key    TEXT NOT NULL UNIQUE,  -- the code folded (case, ё): ДК = дк
  name        TEXT NOT NULL CHECK (length(name) > 0),
  short_name  TEXT NOT NULL DEFAULT '',
  head        TEXT NOT NULL DEFAULT '',
  parent_id   INTEGER REFERENCES unit(id),
  closed_on   TEXT,
  notes       TEXT NOT NULL DEFAULT '',
  created_utc TEXT NOT NULL,
  updated_utc TEXT NOT NULL,
  CHECK (parent_id IS NULL OR parent_id != id)
) STRICT;
CREATE INDEX unit_parent ON unit(parent_id) WHERE parent_id IS NOT NULL;

-- The names a unit had: each row is valid until (and not on) `until`.
CREATE TABLE unit_name (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id    INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
  code       TEXT NOT NULL,
  name       TEXT NOT NULL,
  short_name TEXT NOT NULL DEFAULT '',
  until      TEXT NOT NULL,
  act        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX unit_name_unit ON unit_name(unit_id, until);

CREATE TABLE plan (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid          TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL CHECK (kind IN ('annual', 'quarterly', 'monthly', 'weekly')),
  period        TEXT NOT NULL,     -- 2024, 2024-Q2, 2024-05, 2024-W19
  first_day     TEXT NOT NULL,
  last_day      TEXT NOT NULL,
  owner_unit_id INTEGER REFERENCES unit(id),  -- NULL: the Administration as a whole
  title         TEXT NOT NULL CHECK (length(title) > 0),
  template_id   TEXT NOT NULL DEFAULT '',
  status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'closed')),
  approved_on   TEXT,
  approved_by   TEXT NOT NULL DEFAULT '',
  approved_act  TEXT NOT NULL DEFAULT '',
  closed_on     TEXT,
  next_item_no  INTEGER NOT NULL DEFAULT 1,
  notes         TEXT NOT NULL DEFAULT '',
  created_utc   TEXT NOT NULL,
  updated_utc   TEXT NOT NULL,
  CHECK (last_day >= first_day)
) STRICT;
CREATE UNIQUE INDEX plan_kind_period_owner ON plan(kind, period, coalesce(owner_unit_id, 0));
CREATE INDEX plan_owner ON plan(owner_unit_id) WHERE owner_unit_id IS NOT NULL;
CREATE INDEX plan_days ON plan(first_day, last_day);

CREATE TABLE plan_section (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  no      INTEGER NOT NULL CHECK (no > 0),
  key     TEXT NOT NULL CHECK (length(key) > 0),
  title   TEXT NOT NULL CHECK (length(title) > 0),
  UNIQUE (plan_id, key),
  UNIQUE (plan_id, no)
) STRICT;

CREATE TABLE plan_item (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_id      INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  no           INTEGER NOT NULL CHECK (no > 0),     -- stable within the plan, never reused
  section      TEXT NOT NULL,
  position     INTEGER NOT NULL,                     -- order within the section
  text         TEXT NOT NULL CHECK (length(text) > 0),
  text_key     TEXT NOT NULL,                        -- folded, for duplicates
  unit_id      INTEGER REFERENCES unit(id),
  person       TEXT NOT NULL DEFAULT '',
  co_units     TEXT NOT NULL DEFAULT '[]',           -- JSON array of unit ids
  due          TEXT NOT NULL,                        -- the due as planned (plan/model.hpp: DueSpec)
  basis        TEXT NOT NULL DEFAULT '',
  form         TEXT NOT NULL DEFAULT '',
  event_id     INTEGER REFERENCES event(id) ON DELETE SET NULL,
  agreement_id INTEGER REFERENCES agreement(id) ON DELETE SET NULL,
  site_id      INTEGER REFERENCES site(id) ON DELETE SET NULL,
  origin_id    INTEGER REFERENCES plan_item(id) ON DELETE SET NULL,  -- carried from
  dropped_on   TEXT,
  drop_reason  TEXT NOT NULL DEFAULT '',
  drop_act     TEXT NOT NULL DEFAULT '',
  created_utc  TEXT NOT NULL,
  updated_utc  TEXT NOT NULL,
  UNIQUE (plan_id, no)
) STRICT;
CREATE INDEX plan_item_unit ON plan_item(unit_id) WHERE unit_id IS NOT NULL;
CREATE INDEX plan_item_event ON plan_item(event_id) WHERE event_id IS NOT NULL;
CREATE INDEX plan_item_agreement ON plan_item(agreement_id) WHERE agreement_id IS NOT NULL;
CREATE INDEX plan_item_site ON plan_item(site_id) WHERE site_id IS NOT NULL;
CREATE INDEX plan_item_origin ON plan_item(origin_id) WHERE origin_id IS NOT NULL;
CREATE INDEX plan_item_key ON plan_item(plan_id, text_key);
CREATE INDEX plan_item_section ON plan_item(plan_id, section, position);

-- A control point: one date an item is due on (a monthly item has one a month).
CREATE TABLE plan_point (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  item_id     INTEGER NOT NULL REFERENCES plan_item(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL CHECK (seq > 0),
  planned_on  TEXT NOT NULL,             -- the control date as planned (kept on postponement)
  due_on      TEXT NOT NULL,             -- the control date now
  state       TEXT NOT NULL DEFAULT 'open'
                CHECK (state IN ('open', 'in-work', 'done', 'not-done', 'carried')),
  started_on  TEXT,
  done_on     TEXT,
  report      TEXT NOT NULL DEFAULT '',
  UNIQUE (item_id, seq)
) STRICT;
CREATE INDEX plan_point_due ON plan_point(due_on) WHERE state IN ('open', 'in-work');

CREATE TABLE plan_postponement (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  point_id   INTEGER NOT NULL REFERENCES plan_point(id) ON DELETE CASCADE,
  decided_on TEXT NOT NULL,
  from_date  TEXT NOT NULL,
  to_date    TEXT NOT NULL,
  reason     TEXT NOT NULL CHECK (length(reason) > 0),
  act        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX plan_postponement_point ON plan_postponement(point_id);

-- The approved text of a plan (sections and items, JSON) and every amendment
-- after it: version 1 is the approved text, version N+1 that of amendment N.
CREATE TABLE plan_version (
  plan_id  INTEGER PRIMARY KEY REFERENCES plan(id) ON DELETE CASCADE,
  snapshot TEXT NOT NULL
) STRICT;

CREATE TABLE plan_amendment (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_id    INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  no         INTEGER NOT NULL CHECK (no > 0),
  decided_on TEXT NOT NULL,
  act        TEXT NOT NULL DEFAULT '',
  kind       TEXT NOT NULL CHECK (kind IN ('add', 'edit', 'drop', 'postpone')),
  item_no    INTEGER NOT NULL,
  what       TEXT NOT NULL DEFAULT '',
  before     TEXT,
  after      TEXT,
  UNIQUE (plan_id, no)
) STRICT;
)sql";

// Each AUTOINCREMENT table's counter past the largest id its audit log names
// (a row deleted before the migration). SQLite itself takes the largest of
// the counter and the ids in the table.
void seed_sequences(Db& db) {
  Statement st = db.prepare(
      "INSERT INTO sqlite_sequence(name, seq) "
      "SELECT s.name, (SELECT coalesce(max(a.entity_id), 0) FROM audit a WHERE a.entity = s.name) "
      "FROM sqlite_schema s WHERE s.type = 'table' AND s.sql LIKE '%AUTOINCREMENT%' AND s.name NOT LIKE 'sqlite_%' "
      "AND s.name NOT IN (SELECT name FROM sqlite_sequence)");
  st.run();
}

const char* kSchemaV9 = R"sql(
CREATE TABLE venue (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL CHECK (length(name) > 0),
  name_key    TEXT NOT NULL UNIQUE,
  address     TEXT NOT NULL DEFAULT '',
  lat         REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
  lon         REAL CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),
  capacity    INTEGER CHECK (capacity IS NULL OR capacity > 0),
  owner       TEXT NOT NULL DEFAULT '',
  notes       TEXT NOT NULL DEFAULT '',
  created_utc TEXT NOT NULL,
  updated_utc TEXT NOT NULL
) STRICT;
CREATE TABLE venue_alias (
  venue_id  INTEGER NOT NULL REFERENCES venue(id),
  alias     TEXT NOT NULL CHECK (length(alias) > 0),
  alias_key TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX venue_alias_venue ON venue_alias(venue_id);
ALTER TABLE event ADD COLUMN venue_id INTEGER REFERENCES venue(id);
CREATE INDEX event_venue ON event(venue_id) WHERE venue_id IS NOT NULL;
)sql";

const char* kSchemaV10 = R"sql(
ALTER TABLE event ADD COLUMN repeat_rule TEXT CHECK (repeat_rule IS NULL OR length(repeat_rule) > 0);
ALTER TABLE event ADD COLUMN repeat_days_off TEXT
  CHECK (repeat_days_off IS NULL OR repeat_days_off IN ('skip', 'previous', 'next', 'keep'));
ALTER TABLE event ADD COLUMN repeat_until_utc TEXT;
ALTER TABLE event ADD COLUMN occurrence_of INTEGER REFERENCES event(id);
ALTER TABLE event ADD COLUMN occurrence_day TEXT;
CREATE INDEX event_series ON event(start_utc) WHERE repeat_rule IS NOT NULL;
CREATE UNIQUE INDEX event_occurrence ON event(occurrence_of, occurrence_day) WHERE occurrence_of IS NOT NULL;
CREATE TABLE event_exdate (
  event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
  day      TEXT NOT NULL,
  PRIMARY KEY (event_id, day)
) STRICT;
)sql";

const char* kSchemaV11 = R"sql(
CREATE TABLE inspection_day (
  day          TEXT PRIMARY KEY,
  week         TEXT NOT NULL,
  sequence     INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
  modified_utc TEXT NOT NULL
) STRICT;
CREATE INDEX inspection_day_week ON inspection_day(week);
INSERT INTO inspection_day(day, week, sequence, modified_utc)
  SELECT day, min(week), 0, max(created_utc) FROM visit GROUP BY day;
)sql";

const char* kSchemaV12 = R"sql(
CREATE TABLE guest (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL CHECK (length(name) > 0),
  name_key    TEXT NOT NULL,
  position    TEXT NOT NULL DEFAULT '',
  org         TEXT NOT NULL DEFAULT '',
  org_key     TEXT NOT NULL DEFAULT '',
  city        TEXT NOT NULL DEFAULT '',
  country     TEXT NOT NULL DEFAULT '',
  rank        TEXT NOT NULL CHECK (length(rank) > 0),
  phone       TEXT NOT NULL DEFAULT '',
  email       TEXT NOT NULL DEFAULT '',
  notes       TEXT NOT NULL DEFAULT '',
  consent_on  TEXT,
  search_key  TEXT NOT NULL,
  created_utc TEXT NOT NULL,
  updated_utc TEXT NOT NULL,
  UNIQUE (name_key, org_key)
) STRICT;
CREATE TABLE event_guest (
  event_id   INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
  guest_id   INTEGER NOT NULL REFERENCES guest(id),
  grp        TEXT NOT NULL DEFAULT '',
  status     TEXT NOT NULL CHECK (status IN ('invited', 'confirmed', 'declined', 'attended', 'absent')),
  invited_on TEXT NOT NULL,
  status_on  TEXT NOT NULL,
  speaks     INTEGER NOT NULL DEFAULT 0 CHECK (speaks IN (0, 1)),
  note       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (event_id, guest_id)
) STRICT;
CREATE INDEX event_guest_guest ON event_guest(guest_id);
CREATE TABLE delegation (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid        TEXT NOT NULL UNIQUE,
  from_place  TEXT NOT NULL CHECK (length(from_place) > 0),
  head_id     INTEGER REFERENCES guest(id),
  arrive_utc  TEXT,
  arrive_by   TEXT NOT NULL DEFAULT '',
  depart_utc  TEXT,
  depart_by   TEXT NOT NULL DEFAULT '',
  hotel       TEXT NOT NULL DEFAULT '',
  escort      TEXT NOT NULL DEFAULT '',
  notes       TEXT NOT NULL DEFAULT '',
  created_utc TEXT NOT NULL,
  updated_utc TEXT NOT NULL
) STRICT;
CREATE INDEX delegation_head ON delegation(head_id) WHERE head_id IS NOT NULL;
CREATE TABLE delegation_member (
  delegation_id INTEGER NOT NULL REFERENCES delegation(id),
  guest_id      INTEGER NOT NULL REFERENCES guest(id),
  no            INTEGER NOT NULL,
  PRIMARY KEY (delegation_id, guest_id)
) STRICT;
CREATE INDEX delegation_member_guest ON delegation_member(guest_id);
CREATE TABLE delegation_event (
  delegation_id INTEGER NOT NULL REFERENCES delegation(id),
  event_id      INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
  no            INTEGER NOT NULL,
  PRIMARY KEY (delegation_id, event_id)
) STRICT;
CREATE INDEX delegation_event_event ON delegation_event(event_id);
)sql";

// A repeating event imported from another zone's calendar keeps its rule on
// that zone's clock (Europe/Berlin, America/Los_Angeles: daylight saving).
const char* kSchemaV13 = R"sql(
ALTER TABLE event ADD COLUMN repeat_zone TEXT;
)sql";

// The records a command created whole (store::NewRecord), as ranges of ids:
// `history` names the command that created each, undo deletes them.
const char* kSchemaV14 = R"sql(
CREATE TABLE command_insert (
  command_id INTEGER NOT NULL REFERENCES command(id),
  entity     TEXT NOT NULL,
  first_id   INTEGER NOT NULL,
  last_id    INTEGER NOT NULL CHECK (last_id >= first_id),
  PRIMARY KEY (command_id, entity, first_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX command_insert_entity ON command_insert(entity, first_id);
-- `event list --venue`: the distinct venues, one seek each, then their events.
CREATE INDEX event_venue_text ON event(venue);
)sql";

}  // namespace

std::string fts_fill_sql(std::string_view table) {
  for (const auto& t : kFtsTables) {
    if (table == t.table) {
      // Every row written since the index was deferred (ids only grow:
      // AUTOINCREMENT); the triggers left them alone.
      return fmt::format(R"sql(INSERT INTO {0}_fts(rowid, {1}) SELECT {2} FROM {0}
  WHERE {0}.id >= (SELECT first_id FROM fts_deferred WHERE tbl = '{0}'))sql",
                         t.table, t.columns, t.values(t.table));
    }
  }
  return {};
}

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all{
      {1, "events, tasks, run of show, participants, lessons, audit log",
       std::string(kSchemaV1) + event_fts_sql()},
      {2, "organizations, agreements, obligations, Patron of the Year awards and badges", kSchemaV2},
      {3, "inspection sites, agencies, visits, findings", kSchemaV3},
      {4, "the changes of each command, for undo",
       "ALTER TABLE command ADD COLUMN changeset BLOB;\n"
       "ALTER TABLE command ADD COLUMN undone_by INTEGER REFERENCES command(id);\n"
       "ALTER TABLE command ADD COLUMN undo_of INTEGER REFERENCES command(id);\n"},
      {5, "a command's changes stored in parts, so a bulk command's memory stays bounded",
       "CREATE TABLE command_change (\n"
       "  command_id INTEGER NOT NULL REFERENCES command(id),\n"
       "  part       INTEGER NOT NULL,\n"
       "  changeset  BLOB NOT NULL,\n"
       "  PRIMARY KEY (command_id, part)\n"
       ") STRICT;\n"
       "INSERT INTO command_change(command_id, part, changeset)\n"
       "  SELECT id, 0, changeset FROM command WHERE length(changeset) > 0;\n"
       "ALTER TABLE command DROP COLUMN changeset;\n"
       // Every foreign key's child column indexed: deleting a parent (an event
       // on undo of an import, an organization) looked up its children by scanning.
       "CREATE INDEX IF NOT EXISTS event_cloned_from ON event(cloned_from) WHERE cloned_from IS NOT NULL;\n"
       "CREATE INDEX IF NOT EXISTS agreement_signed_at_event ON agreement(signed_at_event) WHERE signed_at_event IS NOT NULL;\n"
       "CREATE INDEX IF NOT EXISTS badge_org ON badge(org_id);\n"
       "CREATE INDEX IF NOT EXISTS site_contractor ON site(contractor_id) WHERE contractor_id IS NOT NULL;\n"
       "CREATE INDEX IF NOT EXISTS site_customer ON site(customer_id) WHERE customer_id IS NOT NULL;\n"
       "CREATE INDEX IF NOT EXISTS visit_agency_agency ON visit_agency(agency_id);\n"
       "CREATE INDEX IF NOT EXISTS visit_attendee_member ON visit_attendee(member_id);\n"
       "CREATE INDEX IF NOT EXISTS finding_responsible_org ON finding(responsible_org) WHERE responsible_org IS NOT NULL;\n"
       "CREATE INDEX IF NOT EXISTS finding_visit ON finding(visit_id) WHERE visit_id IS NOT NULL;\n"},
      // Ids are never used twice: without AUTOINCREMENT SQLite gives a new row
      // the largest id + 1, so after an undo or a delete of the newest event
      // the next one got its id, and the history mixed two events. Adding the
      // keyword changes no stored byte (a rowid table either way), so the
      // tables' definitions are edited in place, as SQLite's documentation on
      // ALTER TABLE describes for such changes; the schema cookie is bumped
      // after it (migrate(), `bump_schema`). Each counter starts past every id
      // the table or its audit log has ever seen.
      {6, "ids are never reused (AUTOINCREMENT)",
       "CREATE TABLE omskplan_seq_init (id INTEGER PRIMARY KEY AUTOINCREMENT);\n"
       "DROP TABLE omskplan_seq_init;\n"
       "PRAGMA writable_schema = ON;\n"
       "UPDATE sqlite_schema SET sql = replace(sql, 'INTEGER PRIMARY KEY,', 'INTEGER PRIMARY KEY AUTOINCREMENT,')\n"
       "  WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql LIKE '%INTEGER PRIMARY KEY,%'\n"
       "  AND sql NOT LIKE '%AUTOINCREMENT%';\n"
       "PRAGMA writable_schema = OFF;\n",
       true},
      {7, "structural units, work plans, their items, control points, postponements and amendments", kSchemaV7},
      // An event may be a part of another (City Day's concert, unveiling and
      // alley opening are parts of the day); a run-of-show item has a place.
      // No ON DELETE action: an umbrella goes only after its parts (undo
      // applies a command's rows with the check deferred to its end, and an
      // action would change the parts' rows under it).
      // Calendar-day deadlines that land on a day off move by the event's rule
      // (events made before it keep theirs as they were).
      {8, "events as parts of an umbrella event; where a run-of-show item takes place; deadlines off days off; task notes",
       "ALTER TABLE event ADD COLUMN part_of INTEGER REFERENCES event(id);\n"
       "ALTER TABLE event ADD COLUMN deadline_days_off TEXT NOT NULL DEFAULT 'keep'\n"
       "  CHECK (deadline_days_off IN ('previous', 'next', 'keep'));\n"
       "CREATE INDEX event_part_of ON event(part_of) WHERE part_of IS NOT NULL;\n"
       "ALTER TABLE program_item ADD COLUMN venue TEXT NOT NULL DEFAULT '';\n"
       "ALTER TABLE task ADD COLUMN note TEXT NOT NULL DEFAULT '';\n"},
      // The register of venues: one row a place, its other names as aliases
      // (a key each, unique across names and aliases); an event refers to its
      // venue when its text names one.
      {9, "the register of venues; events refer to theirs", kSchemaV9},
      // A repeating event is one row with its rule (RFC 5545), what a day off
      // does to it and the end of its last occurrence (for queries); its
      // cancelled days are rows of event_exdate; an occurrence changed on its
      // own is an event of its own that names its series and day. No ON DELETE
      // action on occurrence_of, as for part_of.
      {10, "repeating events: a rule, days off, cancelled and changed occurrences", kSchemaV10},
      // A visit day's revision for subscribed calendars: iCalendar's SEQUENCE
      // goes up and LAST-MODIFIED moves with each change after planning (a
      // cancelled visit, the route recomputed, a replan).
      {11, "the revision of each inspection visit day, for calendars", kSchemaV11},
      // Protocol: people invited to events (guests), each event's guest list,
      // delegations with their members and the events of their visit. An
      // event's guest list and its place in programmes go with the event.
      {12, "guests, guest lists of events, delegations", kSchemaV12},
      // The zone a repeating event's rule keeps its clock in, when not the configured one.
      {13, "the time zone of a repeating event imported from another zone", kSchemaV13},
      {14, "records created in bulk kept as ranges of ids; their full-text index written at commit; events by venue text",
       std::string(kSchemaV14) + fts_v14_sql()},
  };
  return all;
}

int schema_version() { return migrations().back().version; }

void migrate(Db& db, bool allow_upgrade) {
  const int current = db.user_version();
  const int newest = schema_version();
  if (current > 0 && current < newest && !allow_upgrade) {
    throw StorageError(trf("database {} has schema version {}, older than this omskplan ({}); run 'omskplan db "
                           "migrate' (it makes a backup first)",
                           db.path(), current, newest));
  }
  if (current > newest) {
    throw StorageError(trf("database {} has schema version {}, newer than this omskplan knows ({}); upgrade omskplan",
                           db.path(), current, newest));
  }
  if (current == newest) {
    return;
  }
  for (const Migration& m : migrations()) {
    if (m.version <= current) {
      continue;
    }
    db.exec("BEGIN IMMEDIATE");
    try {
      // Another process may have migrated while we waited for the lock.
      if (db.user_version() >= m.version) {
        db.exec("COMMIT");
        continue;
      }
      db.exec(m.sql);
      if (m.edits_schema) {
        // The definitions were edited in place: a new schema cookie makes every
        // connection (this one too) read them again; then the counters.
        const int cookie = [&] {
          Statement st = db.prepare("PRAGMA schema_version");
          st.step();
          return static_cast<int>(st.get_int(0));
        }();
        db.exec(fmt::format("PRAGMA schema_version = {}", cookie + 1));
        seed_sequences(db);
      }
      db.exec(fmt::format("PRAGMA user_version = {}", m.version));
      db.exec("COMMIT");
    } catch (...) {
      db.exec("ROLLBACK");
      throw;
    }
  }
}

}  // namespace omskplan::store
