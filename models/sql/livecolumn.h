#pragma once

#include <QList>
#include <QString>

namespace modeldesk {

// One column of an existing table as the engine's catalog describes it: what schema sync compares with the
// design, and what an ALTER must restate to keep the rest of the column as it is.
struct LiveColumn {
    QString name;
    QString type; // as the catalog spells it: "character varying(255)", "int(11)", "VARCHAR(255)"
    bool notNull = false;
    QString defaultText; // the DEFAULT as the catalog writes it ("'new'::character varying"); empty: none
    bool unique = false; // a unique constraint or index on this column alone (not the primary key)
    // MySQL/MariaDB only, for MODIFY COLUMN (which replaces the whole definition): the character set and
    // collation, the comment, a column CHECK (MariaDB's JSON is LONGTEXT with CHECK (json_valid(...))) and
    // EXTRA (auto_increment, ON UPDATE ..., generated columns).
    QString charset;
    QString collation;
    QString comment;
    QString check;
    QString extra;
};

struct LiveTable {
    QString name;
    QList<LiveColumn> columns;

    const LiveColumn *column(const QString &columnName) const {
        for (const LiveColumn &c : columns)
            if (c.name == columnName)
                return &c;
        return nullptr;
    }
};

} // namespace modeldesk
