#include "records/deletepreview.h"

#include "schema/fieldvalue.h"
#include "schema/linkfacts.h"
#include "sql/drivervalue.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("DeletePreview", text);
}

DeleteEffect::Action actionOf(const QString &onDelete) {
    const QString action = onDelete.simplified().toUpper();
    if (action == u"CASCADE"_s)
        return DeleteEffect::Action::Delete;
    if (action == u"SET NULL"_s)
        return DeleteEffect::Action::SetNull;
    if (action == u"SET DEFAULT"_s)
        return DeleteEffect::Action::SetDefault;
    return DeleteEffect::Action::Block; // RESTRICT, NO ACTION
}

// The links whose foreign key is `column` of `table`, as "source.alias".
QStringList linksOf(const ResolvedSchema &resolved, const Table &table, const QString &column) {
    QStringList names;
    for (const ResolvedLink &link : resolved.links) {
        const bool holds =
            link.kind == Link::Kind::BelongsToMany
                ? link.throughTable == table.name &&
                      (link.foreignKeyColumn == column || link.otherKeyColumn == column)
                : linkfacts::foreignKeyTable(resolved, link) == &table && link.foreignKeyColumn == column;
        if (holds)
            names << link.source + u'.' + link.as;
    }
    return names;
}

class Previewer {
public:
    Previewer(const ResolvedSchema &resolved, DatabaseConnection &connection, QVariant key)
        : mResolved(resolved)
        , mConnection(connection)
        , mDialect(connection.dialect())
        , mKey(std::move(key)) {}

    std::optional<qint64> count(const QString &sql, QString *error) {
        QSqlQuery *query = mConnection.prepared(sql, error);
        if (!query)
            return std::nullopt;
        query->addBindValue(mKey);
        if (!query->exec() || !query->next()) {
            *error = DatabaseConnection::describe(query->lastError());
            query->finish();
            return std::nullopt;
        }
        const qint64 n = query->value(0).toLongLong();
        query->finish();
        return n;
    }

    // The effects on what refers to the rows of `parent` that `rows` selects ("FROM t WHERE …", with the
    // one placeholder for the key), following CASCADE further down.
    bool follow(const Table &parent, const QString &rows, int depth, QStringList path,
                QList<DeleteEffect> *effects, QString *error) {
        path << parent.name;
        for (const Table &table : mResolved.tables) {
            for (const Column &column : table.columns) {
                if (!column.references || column.references->table != parent.name)
                    continue;
                const QString referring = u"FROM %1 WHERE %2 IN (SELECT %3 %4)"_s.arg(
                    mDialect.quote(table.name), mDialect.quote(column.name),
                    mDialect.quote(column.references->column), rows);
                DeleteEffect effect;
                effect.model = table.model;
                effect.table = table.name;
                effect.column = column.name;
                effect.parentModel = parent.model;
                effect.links = linksOf(mResolved, table, column.name);
                effect.onDelete = column.references->onDelete;
                effect.action = actionOf(effect.onDelete);
                effect.depth = depth;
                const std::optional<qint64> n = count(u"SELECT COUNT(*) "_s + referring, error);
                if (!n)
                    return false;
                effect.count = *n;
                effects->append(effect);
                if (effect.action == DeleteEffect::Action::Delete && effect.count > 0 &&
                    !path.contains(table.name) && !follow(table, referring, depth + 1, path, effects, error))
                    return false;
            }
        }
        return true;
    }

private:
    const ResolvedSchema &mResolved;
    DatabaseConnection &mConnection;
    SqlDialect mDialect;
    QVariant mKey;
};

} // namespace

bool DeletePreview::blocked() const {
    for (const DeleteEffect &effect : effects)
        if (effect.action == DeleteEffect::Action::Block && effect.count > 0)
            return true;
    return false;
}

std::optional<DeletePreview> previewDelete(const ResolvedSchema &resolved, DatabaseConnection &connection,
                                           const QString &model, const QJsonValue &key, QString *error) {
    const Table *table = resolved.tableForModel(model);
    if (!table) {
        *error = tr("the design has no model \"%1\"").arg(model);
        return std::nullopt;
    }
    const Column *keyColumn = table->singleKey();
    if (!keyColumn) {
        *error = tr("%1 has no single-column primary key").arg(model);
        return std::nullopt;
    }
    const FieldCheck check = FieldValue::check(*keyColumn, key);
    if (!check.ok() || check.isNull()) {
        *error = check.ok() ? tr("a key is needed") : check.message;
        return std::nullopt;
    }
    if (!connection.ensureOpen(error))
        return std::nullopt;
    const SqlDialect dialect = connection.dialect();
    Previewer previewer(resolved, connection, DriverValue::toDatabase(keyColumn->type, check.value, dialect));
    // A paranoid model's record deleted before is not there to delete again.
    const QString record =
        u"FROM %1 WHERE %2 = ?"_s.arg(dialect.quote(table->name), dialect.quote(keyColumn->name)) +
        (table->deletedAtColumn.isEmpty()
             ? QString()
             : u" AND "_s + dialect.quote(table->deletedAtColumn) + u" IS NULL"_s);
    const std::optional<qint64> found = previewer.count(u"SELECT COUNT(*) "_s + record, error);
    if (!found)
        return std::nullopt;
    if (*found == 0) {
        *error = tr("there is no %1 with key %2").arg(model, check.value.toString());
        return std::nullopt;
    }
    DeletePreview preview;
    preview.softDelete = !table->deletedAtColumn.isEmpty();
    if (!preview.softDelete && !previewer.follow(*table, record, 1, {}, &preview.effects, error))
        return std::nullopt;
    return preview;
}

} // namespace modeldesk
