#pragma once

#include "schema/datatype.h"
#include "sql/sqldialect.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <optional>

namespace modeldesk {

// Reads what an engine's catalog says about a column back into Sequelize terms: the inverse of
// SqlDialect::columnType and defaultLiteral, per dialect (docs/import.md has the table). A type that has no
// exact Sequelize counterpart still maps to the nearest one, with a note saying what changes, so that no
// column is ever dropped.
class CatalogTypes {
    Q_DECLARE_TR_FUNCTIONS(CatalogTypes)
public:
    struct TypeReading {
        DataType type;
        // Empty when the type maps exactly; else what is lost ("timestamp without time zone is read as DATE,
        // which is WITH TIME ZONE in PostgreSQL").
        QString note;
        bool unknown = false; // no Sequelize type of that family: kept as TEXT
    };

    // `type` as the catalog spells it; `enumValues` from a PostgreSQL enum type or an SQLite CHECK (x IN
    // (...)); `jsonChecked`: MariaDB's LONGTEXT with CHECK (json_valid(x)).
    static TypeReading dataType(const SqlDialect &dialect, const QString &type,
                                const QStringList &enumValues = {}, bool jsonChecked = false);

    struct DefaultReading {
        QJsonValue value = QJsonValue(QJsonValue::Undefined); // as Field::defaultValue holds it
        bool autoIncrement = false;                           // nextval(...): a sequence fills it in
        QString note; // when the default cannot be kept ("the expression lower('A') is not a literal")
    };

    // The default `text` (as the catalog gives it) of a column of `type`. A MariaDB nullable column without a
    // default reads as the string NULL, which means no default.
    static DefaultReading defaultValue(const SqlDialect &dialect, const DataType &type, const QString &text);

    // The values of an ENUM spelled as `enum('a','it''s')` (MariaDB's COLUMN_TYPE) or of a CHECK clause's
    // IN list `'a', 'b'`; nullopt when the text is not a list of quoted strings.
    static std::optional<QStringList> quotedList(const QString &text);
};

} // namespace modeldesk
