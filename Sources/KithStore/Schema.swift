import GRDB

/// The store's schema, as an ordered list of migrations. A migration, once released,
/// is never edited: later changes are new migrations, so that every earlier store
/// upgrades along the same path.
enum Schema {
    /// `PRAGMA application_id`: "kith" in ASCII. Marks the file as ours, so that kith
    /// refuses to migrate a database that belongs to another program.
    static let applicationID: Int32 = 0x6B69_7468

    /// Every migration's name, oldest first.
    static let allMigrations = ["v1-people-groups-moments", "v2-snoozes-reminders", "v3-contact-cards", "v4-self-checkins",
                                "v5-monthly-counts", "v6-last-day", "v7-sync"]

    /// A new UID in SQL, shaped like the ones the app makes (a lowercase UUID): only
    /// `[0-9a-f-]`, so every sync engine keeps file name = UID.
    static let newUID = """
        (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-' || lower(hex(randomblob(2))) || '-' \
        || lower(hex(randomblob(2))) || '-' || lower(hex(randomblob(6))))
        """

    /// Marks a record as changed for the next write of the sync folder, while syncing is
    /// on (the setting `sync.tracking`, set by the first sync): before that, writes cost
    /// nothing extra, and the first sync writes everything anyway.
    static func track(_ kind: String, _ uid: String) -> String {
        """
        INSERT INTO sync_changes (kind, uid, at) SELECT '\(kind)', \(uid), \(nowMillis)
            WHERE \(uid) IS NOT NULL AND EXISTS (SELECT 1 FROM settings WHERE key = 'sync.tracking')
            ON CONFLICT (kind, uid) DO UPDATE SET at = excluded.at;
        """
    }
    static let nowMillis = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"

    /// A day ordinal (days since 1970-01-01) as the month key YYYYMM, in SQL.
    static func monthKey(_ day: String) -> String { "CAST(strftime('%Y%m', \(day) * 86400, 'unixepoch') AS INTEGER)" }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-people-groups-moments") { db in
            try db.execute(sql: """
                CREATE TABLE people (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
                    nickname TEXT,
                    circle TEXT NOT NULL DEFAULT 'friends' CHECK (circle IN ('inner', 'close', 'friends', 'wider')),
                    cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days BETWEEN 1 AND 3650),
                    birthday_month INTEGER CHECK (birthday_month IS NULL OR birthday_month BETWEEN 1 AND 12),
                    birthday_day INTEGER CHECK (birthday_day IS NULL OR birthday_day BETWEEN 1 AND 31),
                    birthday_year INTEGER,
                    bond TEXT CHECK (bond IS NULL OR bond IN ('fun', 'support', 'both')),
                    notes TEXT NOT NULL DEFAULT '',
                    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
                    added_day INTEGER NOT NULL,
                    CHECK ((birthday_month IS NULL) = (birthday_day IS NULL)),
                    CHECK (birthday_year IS NULL OR birthday_month IS NOT NULL)
                );
                CREATE TABLE groups (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
                    cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days BETWEEN 1 AND 3650),
                    notes TEXT NOT NULL DEFAULT '',
                    added_day INTEGER NOT NULL
                );
                CREATE TABLE memberships (
                    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
                    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
                    PRIMARY KEY (group_id, person_id)
                ) WITHOUT ROWID;
                CREATE INDEX memberships_by_person ON memberships(person_id, group_id);

                CREATE TABLE moments (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    day INTEGER NOT NULL,
                    minute INTEGER CHECK (minute IS NULL OR minute BETWEEN 0 AND 1439),
                    group_id INTEGER REFERENCES groups(id) ON DELETE SET NULL,
                    channel TEXT NOT NULL CHECK (channel IN ('in-person', 'call', 'video', 'message', 'other')),
                    initiator TEXT NOT NULL CHECK (initiator IN ('me', 'them', 'mutual')),
                    kinds INTEGER NOT NULL DEFAULT 0 CHECK (kinds BETWEEN 0 AND 255),
                    uplift INTEGER CHECK (uplift IS NULL OR uplift BETWEEN -2 AND 2),
                    depth TEXT NOT NULL DEFAULT 'light' CHECK (depth IN ('light', 'personal', 'vulnerable')),
                    received TEXT CHECK (received IS NULL OR (depth = 'vulnerable' AND received IN ('safe', 'mixed', 'hurtful'))),
                    note TEXT NOT NULL DEFAULT '',
                    created_at INTEGER NOT NULL
                );
                -- The everyone-timeline, newest first, and a group's timeline.
                CREATE INDEX moments_by_day ON moments(day, minute, id);
                CREATE INDEX moments_by_group ON moments(group_id, day, minute, id) WHERE group_id IS NOT NULL;

                -- Who was in each moment. The day is copied here so that one person's
                -- timeline and their last moment are read from this index alone,
                -- without touching the rest of the history.
                CREATE TABLE moment_people (
                    moment_id INTEGER NOT NULL REFERENCES moments(id) ON DELETE CASCADE,
                    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
                    day INTEGER NOT NULL,
                    PRIMARY KEY (moment_id, person_id)
                ) WITHOUT ROWID;
                CREATE INDEX moment_people_timeline ON moment_people(person_id, day, moment_id);

                CREATE TABLE moment_emotions (
                    moment_id INTEGER NOT NULL REFERENCES moments(id) ON DELETE CASCADE,
                    word TEXT NOT NULL,
                    intensity INTEGER NOT NULL CHECK (intensity BETWEEN 1 AND 3),
                    position INTEGER NOT NULL,
                    PRIMARY KEY (moment_id, word)
                ) WITHOUT ROWID;
                CREATE INDEX moment_emotions_by_word ON moment_emotions(word, moment_id);

                CREATE TABLE settings (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                ) WITHOUT ROWID;
                """)
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        }
        m.registerMigration("v2-snoozes-reminders") { db in
            try db.execute(sql: """
                -- A bond not to nudge before a day. Logging a moment with them removes it.
                CREATE TABLE snoozes (
                    person_id INTEGER REFERENCES people(id) ON DELETE CASCADE,
                    group_id INTEGER REFERENCES groups(id) ON DELETE CASCADE,
                    until_day INTEGER NOT NULL,
                    CHECK ((person_id IS NULL) != (group_id IS NULL))
                );
                CREATE UNIQUE INDEX snoozes_person ON snoozes(person_id) WHERE person_id IS NOT NULL;
                CREATE UNIQUE INDEX snoozes_group ON snoozes(group_id) WHERE group_id IS NOT NULL;

                -- One-off reminders ("ask how the interview went"), shown from their day until closed.
                CREATE TABLE reminders (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    person_id INTEGER REFERENCES people(id) ON DELETE CASCADE,
                    group_id INTEGER REFERENCES groups(id) ON DELETE CASCADE,
                    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
                    on_day INTEGER NOT NULL,
                    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'dismissed')),
                    closed_day INTEGER,
                    created_at INTEGER NOT NULL,
                    CHECK ((person_id IS NULL) != (group_id IS NULL))
                );
                CREATE INDEX reminders_open ON reminders(state, on_day);
                """)
        }
        m.registerMigration("v3-contact-cards") { db in
            // Every person gets a vCard UID, so that cards exported now and later name the
            // same contact. card_fn and card_n keep what an imported card called them.
            try db.execute(sql: """
                ALTER TABLE people ADD COLUMN uid TEXT;
                ALTER TABLE people ADD COLUMN card_fn TEXT;
                ALTER TABLE people ADD COLUMN card_n TEXT;
                """)
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM people") {
                try db.execute(sql: "UPDATE people SET uid = ? WHERE id = ?", arguments: [Store.newUID(), id])
            }
            try db.execute(sql: "CREATE UNIQUE INDEX people_uid ON people(uid)")
        }
        m.registerMigration("v4-self-checkins") { db in
            try db.execute(sql: """
                -- The user's own day: how connected they felt (1-7) and, now and then, the three
                -- loneliness answers (1-3 each, all three or none). One row per day.
                CREATE TABLE self_checkins (
                    day INTEGER PRIMARY KEY,
                    closeness INTEGER CHECK (closeness IS NULL OR closeness BETWEEN 1 AND 7),
                    lack_companionship INTEGER CHECK (lack_companionship IS NULL OR lack_companionship BETWEEN 1 AND 3),
                    left_out INTEGER CHECK (left_out IS NULL OR left_out BETWEEN 1 AND 3),
                    isolated INTEGER CHECK (isolated IS NULL OR isolated BETWEEN 1 AND 3),
                    created_at INTEGER NOT NULL,
                    CHECK ((lack_companionship IS NULL) = (left_out IS NULL) AND (left_out IS NULL) = (isolated IS NULL))
                );
                CREATE TABLE self_checkin_emotions (
                    day INTEGER NOT NULL REFERENCES self_checkins(day) ON DELETE CASCADE,
                    word TEXT NOT NULL,
                    intensity INTEGER NOT NULL CHECK (intensity BETWEEN 1 AND 3),
                    position INTEGER NOT NULL,
                    PRIMARY KEY (day, word)
                ) WITHOUT ROWID;
                """)
        }
        m.registerMigration("v5-monthly-counts") { db in
            // Moments per person and per group per calendar month, kept by triggers as
            // moments are written, edited and deleted (cascades included), so the roster's
            // year of sparklines reads a few thousand counts instead of every moment of
            // the last twelve months: its cost no longer grows with the history.
            let pm = monthKey("NEW.day"), om = monthKey("OLD.day")
            try db.execute(sql: """
                CREATE TABLE person_months (
                    month INTEGER NOT NULL,
                    person_id INTEGER NOT NULL,
                    n INTEGER NOT NULL,
                    PRIMARY KEY (month, person_id)
                ) WITHOUT ROWID;
                CREATE TABLE group_months (
                    month INTEGER NOT NULL,
                    group_id INTEGER NOT NULL,
                    n INTEGER NOT NULL,
                    PRIMARY KEY (month, group_id)
                ) WITHOUT ROWID;
                INSERT INTO person_months (month, person_id, n)
                    SELECT \(monthKey("day")) AS mk, person_id, count(*) FROM moment_people GROUP BY mk, person_id;
                INSERT INTO group_months (month, group_id, n)
                    SELECT \(monthKey("day")) AS mk, group_id, count(*) FROM moments WHERE group_id IS NOT NULL GROUP BY mk, group_id;

                CREATE TRIGGER person_months_add AFTER INSERT ON moment_people BEGIN
                    INSERT INTO person_months (month, person_id, n) VALUES (\(pm), NEW.person_id, 1)
                        ON CONFLICT (month, person_id) DO UPDATE SET n = n + 1;
                END;
                CREATE TRIGGER person_months_remove AFTER DELETE ON moment_people BEGIN
                    UPDATE person_months SET n = n - 1 WHERE month = \(om) AND person_id = OLD.person_id;
                    DELETE FROM person_months WHERE month = \(om) AND person_id = OLD.person_id AND n <= 0;
                END;
                CREATE TRIGGER person_months_move AFTER UPDATE OF day, person_id ON moment_people BEGIN
                    UPDATE person_months SET n = n - 1 WHERE month = \(om) AND person_id = OLD.person_id;
                    DELETE FROM person_months WHERE month = \(om) AND person_id = OLD.person_id AND n <= 0;
                    INSERT INTO person_months (month, person_id, n) VALUES (\(pm), NEW.person_id, 1)
                        ON CONFLICT (month, person_id) DO UPDATE SET n = n + 1;
                END;
                CREATE TRIGGER group_months_add AFTER INSERT ON moments WHEN NEW.group_id IS NOT NULL BEGIN
                    INSERT INTO group_months (month, group_id, n) VALUES (\(pm), NEW.group_id, 1)
                        ON CONFLICT (month, group_id) DO UPDATE SET n = n + 1;
                END;
                CREATE TRIGGER group_months_remove AFTER DELETE ON moments WHEN OLD.group_id IS NOT NULL BEGIN
                    UPDATE group_months SET n = n - 1 WHERE month = \(om) AND group_id = OLD.group_id;
                    DELETE FROM group_months WHERE month = \(om) AND group_id = OLD.group_id AND n <= 0;
                END;
                CREATE TRIGGER group_months_move_out AFTER UPDATE OF day, group_id ON moments WHEN OLD.group_id IS NOT NULL BEGIN
                    UPDATE group_months SET n = n - 1 WHERE month = \(om) AND group_id = OLD.group_id;
                    DELETE FROM group_months WHERE month = \(om) AND group_id = OLD.group_id AND n <= 0;
                END;
                CREATE TRIGGER group_months_move_in AFTER UPDATE OF day, group_id ON moments WHEN NEW.group_id IS NOT NULL BEGIN
                    INSERT INTO group_months (month, group_id, n) VALUES (\(pm), NEW.group_id, 1)
                        ON CONFLICT (month, group_id) DO UPDATE SET n = n + 1;
                END;
                """)
        }
        m.registerMigration("v6-last-day") { db in
            // Each person's last moment, kept on their row by triggers. The roster and
            // `kith due` read it with the people instead of one seek per person into the
            // moment index: on a large store those seeks were most of the disk reads
            // before the first frame (a cold 1M store read 700 more pages than 100k).
            try db.execute(sql: """
                ALTER TABLE people ADD COLUMN last_day INTEGER;
                UPDATE people SET last_day = (SELECT max(mp.day) FROM moment_people mp WHERE mp.person_id = people.id);
                CREATE TRIGGER people_last_day_add AFTER INSERT ON moment_people BEGIN
                    UPDATE people SET last_day = NEW.day
                        WHERE id = NEW.person_id AND (last_day IS NULL OR last_day < NEW.day);
                END;
                -- Only the removal of someone's latest day can change it.
                CREATE TRIGGER people_last_day_remove AFTER DELETE ON moment_people BEGIN
                    UPDATE people SET last_day = (SELECT max(day) FROM moment_people WHERE person_id = OLD.person_id)
                        WHERE id = OLD.person_id AND last_day = OLD.day;
                END;
                CREATE TRIGGER people_last_day_move AFTER UPDATE OF day, person_id ON moment_people BEGIN
                    UPDATE people SET last_day = (SELECT max(day) FROM moment_people WHERE person_id = OLD.person_id)
                        WHERE id = OLD.person_id;
                    UPDATE people SET last_day = (SELECT max(day) FROM moment_people WHERE person_id = NEW.person_id)
                        WHERE id = NEW.person_id;
                END;
                """)
        }
        m.registerMigration("v7-sync") { db in
            // Every record that travels in the sync folder gets a UID (the file's name
            // there), and every change to one is noted, so that a sync writes only what
            // changed: its cost follows the change, not the size of the journal. A
            // deleted record's note stays (its row is gone) until the sync has removed
            // its file: that is its tombstone. A self check-in's UID is its day
            // (self-YYYYMMDD), so two devices answering the same day meet in one record.
            try db.execute(sql: """
                ALTER TABLE groups ADD COLUMN uid TEXT;
                ALTER TABLE moments ADD COLUMN uid TEXT;
                ALTER TABLE reminders ADD COLUMN uid TEXT;
                UPDATE groups SET uid = \(newUID);
                UPDATE moments SET uid = \(newUID);
                UPDATE reminders SET uid = \(newUID);
                UPDATE people SET uid = \(newUID) WHERE uid IS NULL;
                CREATE UNIQUE INDEX groups_uid ON groups(uid);
                CREATE UNIQUE INDEX moments_uid ON moments(uid);
                CREATE UNIQUE INDEX reminders_uid ON reminders(uid);

                CREATE TRIGGER people_give_uid AFTER INSERT ON people WHEN NEW.uid IS NULL BEGIN
                    UPDATE people SET uid = \(newUID) WHERE id = NEW.id;
                END;
                CREATE TRIGGER groups_give_uid AFTER INSERT ON groups WHEN NEW.uid IS NULL BEGIN
                    UPDATE groups SET uid = \(newUID) WHERE id = NEW.id;
                END;
                CREATE TRIGGER moments_give_uid AFTER INSERT ON moments WHEN NEW.uid IS NULL BEGIN
                    UPDATE moments SET uid = \(newUID) WHERE id = NEW.id;
                END;
                CREATE TRIGGER reminders_give_uid AFTER INSERT ON reminders WHEN NEW.uid IS NULL BEGIN
                    UPDATE reminders SET uid = \(newUID) WHERE id = NEW.id;
                END;

                -- The lines of a person's card kith does not model (phones, emails, photos,
                -- other apps' X- lines), and of a moment's journal entry, kept as they came
                -- so that they travel back unchanged.
                ALTER TABLE people ADD COLUMN card_extra TEXT;
                ALTER TABLE moments ADD COLUMN extra TEXT;

                -- The file each record was last synced as: the base of a three-way merge, and
                -- how a file is known unchanged (its size, time and inode) without reading it.
                -- `pending`: what kith wrote to the folder and the engine has not carried yet;
                -- it becomes the base once the engine has run (a merge during the run must
                -- start from the version both sides had, not from the one just written).
                CREATE TABLE sync_base (
                    kind TEXT NOT NULL,
                    uid TEXT NOT NULL,
                    text TEXT NOT NULL,
                    stat TEXT NOT NULL,
                    pending TEXT,
                    PRIMARY KEY (kind, uid)
                ) WITHOUT ROWID;

                -- Moments deleted because their file went from the sync folder (deleted on
                -- another device), kept as their file for 30 days: `kith trash` brings one back.
                CREATE TABLE sync_trash (
                    uid TEXT PRIMARY KEY NOT NULL,
                    text TEXT NOT NULL,
                    deleted_at INTEGER NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE sync_changes (
                    kind TEXT NOT NULL,
                    uid TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    PRIMARY KEY (kind, uid)
                ) WITHOUT ROWID;
                """)
            let person = "(SELECT uid FROM people WHERE id = %@)", group = "(SELECT uid FROM groups WHERE id = %@)"
            let moment = "(SELECT uid FROM moments WHERE id = %@)"
            func on(_ table: String, _ event: String, _ body: String) -> String {
                "CREATE TRIGGER sync_\(table)_\(event.split(separator: " ")[0].lowercased()) AFTER \(event) ON \(table) BEGIN \(body) END;"
            }
            let peopleColumns = "name, nickname, circle, cadence_days, birthday_month, birthday_day, birthday_year, bond, notes, archived, uid, card_extra"
            let momentColumns = "day, minute, group_id, channel, initiator, kinds, uplift, depth, received, note, uid, extra"
            let row = { (sql: String, ref: String) in sql.replacingOccurrences(of: "%@", with: ref) }
            var sql: [String] = []
            for (table, kind, columns) in [("people", "person", peopleColumns), ("groups", "group", "name, cadence_days, notes, uid"),
                                           ("moments", "moment", momentColumns), ("reminders", "reminder", "person_id, group_id, text, on_day, state, closed_day, uid")] {
                sql.append(on(table, "INSERT", track(kind, "NEW.uid")))
                sql.append(on(table, "UPDATE OF \(columns)", track(kind, "OLD.uid") + track(kind, "NEW.uid")))
                sql.append(on(table, "DELETE", track(kind, "OLD.uid")))
            }
            // Members travel with their group, who was there and what was felt with their
            // moment, a snooze with its person or group.
            for event in ["INSERT", "DELETE"] {
                let r = event == "INSERT" ? "NEW" : "OLD"
                sql.append(on("memberships", event, track("group", row(group, "\(r).group_id"))))
                sql.append(on("moment_people", event, track("moment", row(moment, "\(r).moment_id"))))
                sql.append(on("moment_emotions", event, track("moment", row(moment, "\(r).moment_id"))))
                sql.append(on("snoozes", event, track("person", row(person, "\(r).person_id")) + track("group", row(group, "\(r).group_id"))))
                sql.append(on("self_checkins", event, track("self", "'self-' || strftime('%Y%m%d', \(r).day * 86400, 'unixepoch')")))
                sql.append(on("self_checkin_emotions", event, track("self", "'self-' || strftime('%Y%m%d', \(r).day * 86400, 'unixepoch')")))
            }
            sql.append(on("snoozes", "UPDATE", track("person", row(person, "NEW.person_id")) + track("group", row(group, "NEW.group_id"))))
            sql.append(on("self_checkins", "UPDATE", track("self", "'self-' || strftime('%Y%m%d', NEW.day * 86400, 'unixepoch')")))
            sql.append(on("moment_emotions", "UPDATE", track("moment", row(moment, "NEW.moment_id"))))
            for statement in sql { try db.execute(sql: statement) }
        }
        return m
    }
}
