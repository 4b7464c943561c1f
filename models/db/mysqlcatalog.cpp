// DatabaseCatalogReader on MySQL/MariaDB: information_schema, a query per kind of object for the whole
// database (STATISTICS for unique indexes, as MariaDB makes an index of each unique constraint).
#include "db/catalogstatement.h"
#include "db/databasecatalogreader.h"

#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

namespace modeldesk {

using namespace Qt::StringLiterals;
using catalogread::action;
using catalogread::kSeparator;
using catalogread::Statement;

namespace {

// One read of one database: the tables first (by name), then what belongs to them.
class MySqlCatalog {
    Q_DECLARE_TR_FUNCTIONS(DatabaseCatalogReader)
public:
    MySqlCatalog(DatabaseConnection &connection, DatabaseCatalog &catalog, QString *error)
        : mConnection(connection)
        , mCatalog(catalog)
        , mError(error) {}

    bool read() {
        if (mCatalog.schema.isEmpty())
            mCatalog.schema = mConnection.url().database;
        mSchema = {mCatalog.schema};
        Statement version(mConnection, u"SELECT VERSION()"_s);
        if (!version.ok(mError, tr("the server version")) || !version.next())
            return false;
        // MariaDB 10.2.7 and later quote a literal default ('new') and spell NULL for "no default" on a
        // nullable column; MySQL gives the bare value and marks expressions DEFAULT_GENERATED.
        mMariaDb = version.text(0).contains(u"MariaDB"_s, Qt::CaseInsensitive);
        return tables() && columns() && uniqueKeys() && foreignKeys() && triggers();
    }

private:
    bool tables() {
        Statement tables(mConnection,
                         u"SELECT TABLE_NAME, TABLE_TYPE, TABLE_COMMENT FROM information_schema.TABLES "
                         "WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME"_s,
                         mSchema);
        if (!tables.ok(mError, tr("the list of tables")))
            return false;
        while (tables.next()) {
            const QString name = tables.text(0);
            const QString type = tables.text(1);
            if (type == u"VIEW"_s) {
                mCatalog.skipped.append({u"view"_s, name, tr("views are not imported")});
            } else if (type == u"SEQUENCE"_s) {
                mCatalog.skipped.append({u"sequence"_s, name, tr("sequences are not imported")});
            } else {
                mTableOf.insert(name, int(mCatalog.tables.size()));
                mCatalog.tables.append(CatalogTable{name, tables.text(2)});
            }
        }
        if (!mTableOf.isEmpty())
            return true;
        Statement exists(mConnection, u"SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?"_s,
                         mSchema);
        if (exists.ok(mError, tr("the database")) && !exists.next()) {
            if (mError)
                *mError = tr("there is no database %1 on %2")
                              .arg(mCatalog.schema, mConnection.url().displayString());
            return false;
        }
        return true;
    }

    // "table\x1fcolumn" of MariaDB's JSON columns: LONGTEXT with CHECK (json_valid(...)).
    QSet<QString> jsonColumns() {
        static const QRegularExpression jsonValid(uR"(^\s*json_valid\(\s*`((?:[^`]|``)+)`\s*\)\s*$)"_s,
                                                  QRegularExpression::CaseInsensitiveOption);
        QSet<QString> json;
        Statement checks(mConnection,
                         u"SELECT TABLE_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS "
                         "WHERE CONSTRAINT_SCHEMA = ?"_s,
                         mSchema);
        // MySQL 8's CHECK_CONSTRAINTS has no TABLE_NAME; it has a JSON type of its own, so nothing is lost.
        if (checks.ok(nullptr, {}))
            while (checks.next()) {
                const QRegularExpressionMatch m = jsonValid.match(checks.text(1));
                if (m.hasMatch())
                    json.insert(checks.text(0) + kSeparator + m.captured(1).replace(u"``"_s, u"`"_s));
            }
        return json;
    }

    bool columns() {
        const QSet<QString> json = jsonColumns();
        Statement columns(mConnection,
                          u"SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, "
                          "COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? "
                          "ORDER BY TABLE_NAME, ORDINAL_POSITION"_s,
                          mSchema);
        if (!columns.ok(mError, tr("the columns")))
            return false;
        while (columns.next()) {
            const int index = mTableOf.value(columns.text(0), -1);
            if (index < 0)
                continue;
            CatalogColumn column;
            column.name = columns.text(1);
            column.type = columns.text(2);
            column.notNull = columns.text(3) == u"NO"_s;
            const QString extra = columns.text(5).toLower();
            column.autoIncrement = extra.contains(u"auto_increment"_s);
            const bool generated = extra.contains(u"virtual"_s) || extra.contains(u"stored"_s) ||
                                   extra.contains(u"persistent"_s);
            if (!columns.isNull(4) && !generated) {
                QString text = columns.text(4);
                if (!mMariaDb && !extra.contains(u"default_generated"_s))
                    text = u'\'' + text.replace(u"'"_s, u"''"_s) + u'\''; // MySQL: the bare literal
                column.defaultText = text;
            }
            column.jsonChecked = json.contains(columns.text(0) + kSeparator + column.name);
            column.comment = columns.text(6);
            mCatalog.tables[index].columns.append(column);
        }
        return true;
    }

    // Unique keys, constraints or indexes alike (MariaDB makes an index of each), and the primary key. A
    // prefix index (SUB_PART) does not make the column unique.
    bool uniqueKeys() {
        Statement keys(
            mConnection,
            u"SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME, SUB_PART FROM information_schema.STATISTICS "
            "WHERE TABLE_SCHEMA = ? AND NON_UNIQUE = 0 ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX"_s,
            mSchema);
        if (!keys.ok(mError, tr("the unique indexes")))
            return false;
        QMap<QPair<int, QString>, CatalogUniqueKey> unique;
        QSet<QPair<int, QString>> prefixed;
        while (keys.next()) {
            const int index = mTableOf.value(keys.text(0), -1);
            if (index < 0)
                continue;
            if (keys.text(1) == u"PRIMARY"_s) {
                mCatalog.tables[index].primaryKey << keys.text(2);
                continue;
            }
            CatalogUniqueKey &key = unique[{index, keys.text(1)}];
            key.name = keys.text(1);
            key.index = true;
            key.columns << keys.text(2);
            if (!keys.isNull(3) || keys.isNull(2))
                prefixed.insert({index, keys.text(1)});
        }
        for (auto it = unique.cbegin(); it != unique.cend(); ++it)
            if (!prefixed.contains(it.key()))
                mCatalog.tables[it.key().first].uniqueKeys.append(it.value());
        return true;
    }

    bool foreignKeys() {
        Statement foreign(
            mConnection,
            u"SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA, "
            "k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE "
            "FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r "
            "ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
            "AND r.TABLE_NAME = k.TABLE_NAME WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT "
            "NULL "
            "ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION"_s,
            mSchema);
        if (!foreign.ok(mError, tr("the foreign keys")))
            return false;
        QMap<QPair<int, QString>, CatalogForeignKey> byName;
        while (foreign.next()) {
            const int index = mTableOf.value(foreign.text(0), -1);
            if (index < 0)
                continue;
            CatalogForeignKey &key = byName[{index, foreign.text(1)}];
            key.name = foreign.text(1);
            key.columns << foreign.text(2);
            key.referencedTable = foreign.text(3) == mCatalog.schema
                                      ? foreign.text(4)
                                      : foreign.text(3) + u'.' + foreign.text(4);
            key.referencedColumns << foreign.text(5);
            key.onDelete = action(foreign.text(6));
            key.onUpdate = action(foreign.text(7));
        }
        for (auto it = byName.cbegin(); it != byName.cend(); ++it)
            mCatalog.tables[it.key().first].foreignKeys.append(it.value());
        return true;
    }

    bool triggers() {
        Statement triggers(mConnection,
                           u"SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE FROM information_schema.TRIGGERS "
                           "WHERE TRIGGER_SCHEMA = ? ORDER BY TRIGGER_NAME"_s,
                           mSchema);
        if (!triggers.ok(mError, tr("the triggers")))
            return false;
        while (triggers.next())
            mCatalog.skipped.append(
                {u"trigger"_s, triggers.text(0), tr("trigger on %1; not imported").arg(triggers.text(1))});
        return true;
    }

    DatabaseConnection &mConnection;
    DatabaseCatalog &mCatalog;
    QString *mError;
    QVariantList mSchema;
    bool mMariaDb = false;
    QHash<QString, int> mTableOf; // name -> index into mCatalog.tables
};

} // namespace

bool DatabaseCatalogReader::readMySql(DatabaseCatalog &catalog, QString *error) {
    return MySqlCatalog(mConnection, catalog, error).read();
}

} // namespace modeldesk
