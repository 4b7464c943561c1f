// DatabaseCatalogReader on PostgreSQL: pg_catalog, a query per kind of object for the whole schema.
#include "db/catalogstatement.h"
#include "db/databasecatalogreader.h"

#include <QHash>

namespace modeldesk {

using namespace Qt::StringLiterals;
using catalogread::kSeparator;
using catalogread::Statement;

namespace {

QString postgresAction(const QString &code) {
    static const QHash<QString, QString> actions{{u"a"_s, u"NO ACTION"_s},
                                                 {u"r"_s, u"RESTRICT"_s},
                                                 {u"c"_s, u"CASCADE"_s},
                                                 {u"n"_s, u"SET NULL"_s},
                                                 {u"d"_s, u"SET DEFAULT"_s}};
    return actions.value(code, u"NO ACTION"_s);
}

// One read of one schema: the tables first (by oid), then what belongs to them.
class PostgresCatalog {
    Q_DECLARE_TR_FUNCTIONS(DatabaseCatalogReader)
public:
    PostgresCatalog(DatabaseConnection &connection, DatabaseCatalog &catalog, QString *error)
        : mConnection(connection)
        , mCatalog(catalog)
        , mError(error) {}

    bool read() {
        if (mCatalog.schema.isEmpty()) {
            Statement current(mConnection, u"SELECT current_schema()"_s);
            if (!current.ok(mError, tr("the current schema")) || !current.next())
                return false;
            mCatalog.schema = current.text(0);
        }
        mSchema = {mCatalog.schema};
        return relations() && columns() && keys() && uniqueIndexes() && triggers();
    }

private:
    // The tables, with what is not imported (views, foreign tables, partitions, unreadable tables) skipped
    // with its reason.
    bool relations() {
        Statement relations(
            mConnection,
            u"SELECT c.oid, c.relname, c.relkind, c.relispartition, "
            "COALESCE(obj_description(c.oid, 'pg_class'), ''), "
            "has_schema_privilege(c.relnamespace, 'USAGE') AND has_table_privilege(c.oid, 'SELECT') "
            "FROM pg_class c "
            "WHERE c.relnamespace = "_s +
                kInSchema + u" AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY c.relname"_s,
            mSchema);
        if (!relations.ok(mError, tr("the list of tables")))
            return false;
        bool any = false;
        while (relations.next()) {
            any = true;
            const QString kind = relations.text(2);
            const QString name = relations.text(1);
            if (kind == u"v"_s || kind == u"m"_s)
                mCatalog.skipped.append({u"view"_s, name, tr("views are not imported")});
            else if (kind == u"f"_s)
                mCatalog.skipped.append({u"table"_s, name, tr("a foreign table; not imported")});
            else if (relations.flag(3))
                mCatalog.skipped.append(
                    {u"table"_s, name, tr("a partition; its partitioned table is imported")});
            else if (!relations.flag(5))
                // The catalog shows it, but the Data mode could not read its rows: the design would promise
                // what the user cannot use. The rest imports; this one is named.
                mCatalog.skipped.append(
                    {u"table"_s, name,
                     tr("%1 may not read it (no USAGE on schema %2 or no SELECT on the table); not imported")
                         .arg(mConnection.url().user.isEmpty() ? tr("this user") : mConnection.url().user,
                              mCatalog.schema)});
            else {
                mTableOf.insert(relations.text(0), int(mCatalog.tables.size()));
                mCatalog.tables.append(CatalogTable{name, relations.text(4)});
            }
        }
        if (any)
            return true;
        Statement exists(mConnection, u"SELECT 1 FROM pg_namespace WHERE nspname = ?"_s, mSchema);
        if (exists.ok(mError, tr("the schema")) && !exists.next()) {
            if (mError)
                *mError =
                    tr("there is no schema %1 in %2").arg(mCatalog.schema, mConnection.url().displayString());
            return false;
        }
        return true;
    }

    // Columns with their types (a domain as its base type, an enum with its labels), defaults and comments.
    bool columns() {
        QHash<QString, QStringList> enumLabels; // type oid -> labels in order
        Statement labels(
            mConnection,
            u"SELECT e.enumtypid, e.enumlabel FROM pg_enum e ORDER BY e.enumtypid, e.enumsortorder"_s);
        if (!labels.ok(mError, tr("the enum types")))
            return false;
        while (labels.next())
            enumLabels[labels.text(0)] << labels.text(1);

        Statement columns(
            mConnection,
            u"SELECT a.attrelid, a.attname, "
            "CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) "
            "ELSE format_type(a.atttypid, a.atttypmod) END, "
            "a.attnotnull OR (t.typtype = 'd' AND t.typnotnull), pg_get_expr(d.adbin, d.adrelid), "
            "a.attidentity, a.attgenerated, t.typtype, t.typname, a.atttypid, "
            "COALESCE(col_description(a.attrelid, a.attnum), '') "
            "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_type t ON t.oid = a.atttypid "
            "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
            "WHERE c.relnamespace = "_s +
                kInSchema +
                u" AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped "
                "ORDER BY a.attrelid, a.attnum"_s,
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
            column.notNull = columns.flag(3);
            const bool generated = !columns.text(6).isEmpty();
            if (!columns.isNull(4) && !generated)
                column.defaultText = columns.text(4);
            column.autoIncrement = !columns.text(5).isEmpty(); // GENERATED ... AS IDENTITY
            if (columns.text(7) == u"e"_s) {
                column.enumTypeName = columns.text(8);
                column.enumValues = enumLabels.value(columns.text(9));
                column.type = column.enumTypeName;
            }
            column.comment = columns.text(10);
            mCatalog.tables[index].columns.append(column);
        }
        return true;
    }

    // Keys from pg_constraint: conkey and confkey pair the columns of a composite key in order.
    bool keys() {
        Statement constraints(
            mConnection,
            u"SELECT con.conrelid, con.conname, con.contype, "_s +
                kKeyColumns.arg(u"con.conkey"_s, u"con.conrelid"_s) + u", "_s +
                kKeyColumns.arg(u"con.confkey"_s, u"con.confrelid"_s) +
                u", CASE WHEN rn.nspname = ? THEN r.relname ELSE rn.nspname || '.' || r.relname END, "
                "con.confdeltype, con.confupdtype FROM pg_constraint con "
                "LEFT JOIN pg_class r ON r.oid = con.confrelid "
                "LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace "
                "WHERE con.connamespace = "_s +
                kInSchema + u" AND con.contype IN ('p', 'u', 'f') ORDER BY con.conname"_s,
            {mCatalog.schema, mCatalog.schema});
        if (!constraints.ok(mError, tr("the keys")))
            return false;
        while (constraints.next()) {
            const int index = mTableOf.value(constraints.text(0), -1);
            if (index < 0)
                continue;
            CatalogTable &table = mCatalog.tables[index];
            const QString type = constraints.text(2);
            const QStringList own = constraints.text(3).split(kSeparator);
            if (type == u"p"_s)
                table.primaryKey = own;
            else if (type == u"u"_s)
                table.uniqueKeys.append({constraints.text(1), own, false});
            else
                table.foreignKeys.append(
                    {constraints.text(1), own, constraints.text(5), constraints.text(4).split(kSeparator),
                     postgresAction(constraints.text(6)), postgresAction(constraints.text(7))});
        }
        return true;
    }

    // Unique indexes that no constraint stands for (sequelize-auto cannot see these); partial and expression
    // indexes are not unique columns.
    bool uniqueIndexes() {
        Statement indexes(
            mConnection,
            u"SELECT i.indrelid, ic.relname, "_s + kKeyColumns.arg(u"i.indkey::int2[]"_s, u"i.indrelid"_s) +
                u" FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
                "WHERE ic.relnamespace = "_s +
                kInSchema +
                u" AND i.indisunique AND NOT i.indisprimary AND i.indpred IS NULL AND i.indexprs IS NULL "
                "AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid "
                "AND con.contype IN ('p', 'u')) ORDER BY ic.relname"_s,
            mSchema);
        if (!indexes.ok(mError, tr("the unique indexes")))
            return false;
        while (indexes.next()) {
            const int index = mTableOf.value(indexes.text(0), -1);
            if (index >= 0)
                mCatalog.tables[index].uniqueKeys.append(
                    {indexes.text(1), indexes.text(2).split(kSeparator), true});
        }
        return true;
    }

    bool triggers() {
        Statement triggers(
            mConnection,
            u"SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE NOT t.tgisinternal AND c.relnamespace = "_s +
                kInSchema + u" ORDER BY t.tgname"_s,
            mSchema);
        if (!triggers.ok(mError, tr("the triggers")))
            return false;
        while (triggers.next())
            mCatalog.skipped.append(
                {u"trigger"_s, triggers.text(0), tr("trigger on %1; not imported").arg(triggers.text(1))});
        return true;
    }

    // The schema's oid, by its name bound as the statement's schema value.
    inline static const QString kInSchema = u"(SELECT oid FROM pg_namespace WHERE nspname = ?)"_s;
    // A key's column names in order, joined by kSeparator: %1 the attnum array, %2 the table's oid.
    inline static const QString kKeyColumns =
        u"(SELECT string_agg(a.attname, E'\\x1f' ORDER BY k.o) FROM unnest(%1) WITH ORDINALITY k(n, o) "
        "JOIN pg_attribute a ON a.attrelid = %2 AND a.attnum = k.n)"_s;

    DatabaseConnection &mConnection;
    DatabaseCatalog &mCatalog;
    QString *mError;
    QVariantList mSchema;
    QHash<QString, int> mTableOf; // oid -> index into mCatalog.tables
};

} // namespace

bool DatabaseCatalogReader::readPostgres(DatabaseCatalog &catalog, QString *error) {
    return PostgresCatalog(mConnection, catalog, error).read();
}

} // namespace modeldesk
