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
                                "v5-monthly-counts", "v6-last-day"]

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
        return m
    }
}
