// SchemaDiff: matches the tables and columns of two resolved designs by the ids of the models, fields and
// links that made them, and lists what differs as steps.
#include "migrate/schemadiff.h"

#include <QHash>
#include <QSet>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

using Kind = MigrationStep::Kind;

// The identity of every table and column of one design, from the ids of what made them. The links' keys are
// looked up once (a design of thousands of links would otherwise cost a scan per column).
class Identities {
public:
    Identities(const Schema &schema, const ResolvedSchema &resolved)
        : mSchema(schema) {
        for (const Model &model : schema.models)
            if (!mModels.contains(model.name))
                mModels.insert(model.name, &model);
        QHash<QString, QString> tableOfModel;
        for (const Table &table : resolved.tables)
            if (!table.model.isEmpty())
                tableOfModel.insert(table.model, table.name);
        for (const ResolvedLink &link : resolved.links) {
            const QString id = linkId(link);
            if (link.kind == Link::Kind::BelongsToMany) {
                if (link.throughModel.isEmpty() && !mJunctions.contains(link.throughTable))
                    mJunctions.insert(link.throughTable, u"junction:"_s + id);
                addKey(link.throughTable, link.foreignKeyColumn, u"l:"_s + id + u":fk"_s);
                addKey(link.throughTable, link.otherKeyColumn, u"l:"_s + id + u":other"_s);
                continue;
            }
            const bool onTarget = link.kind == Link::Kind::HasOne || link.kind == Link::Kind::HasMany;
            addKey(tableOfModel.value(onTarget ? link.target : link.source), link.foreignKeyColumn,
                   u"l:"_s + id + u":fk"_s);
        }
    }

    QString table(const Table &table) const {
        if (!table.model.isEmpty()) {
            const Model *model = mModels.value(table.model);
            return model && !model->id.isEmpty() ? u"m:"_s + model->id : u"model:"_s + table.model;
        }
        return mJunctions.value(table.name, u"table:"_s + table.name);
    }

    QString column(const Table &table, const Column &column) const {
        switch (column.origin) {
        case Column::Origin::Declared: {
            const Model *model = mModels.value(table.model);
            if (model && column.fieldIndex >= 0 && column.fieldIndex < model->fields.size() &&
                !model->fields.at(column.fieldIndex).id.isEmpty())
                return u"f:"_s + model->fields.at(column.fieldIndex).id;
            return u"field:"_s + column.attribute;
        }
        case Column::Origin::ImpliedId:
            return u"#id"_s;
        case Column::Origin::Timestamp:
            if (column.name == table.createdAtColumn)
                return u"#createdAt"_s;
            if (column.name == table.updatedAtColumn)
                return u"#updatedAt"_s;
            return u"#deletedAt"_s;
        case Column::Origin::ForeignKey:
            break;
        }
        // A foreign key column: by the first link that puts it there.
        return mLinkKeys.value(table.name + u'\x1f' + column.name, u"fk:"_s + column.attribute);
    }

private:
    QString linkId(const ResolvedLink &link) const {
        const QString id = link.index >= 0 && link.index < mSchema.links.size()
                               ? mSchema.links.at(link.index).id
                               : QString();
        return id.isEmpty() ? u"#%1"_s.arg(link.index) : id;
    }

    void addKey(const QString &table, const QString &column, const QString &key) {
        const QString where = table + u'\x1f' + column;
        if (!table.isEmpty() && !column.isEmpty() && !mLinkKeys.contains(where))
            mLinkKeys.insert(where, key);
    }

    const Schema &mSchema;
    QHash<QString, const Model *> mModels; // by name, the first of a name as Schema::model()
    QHash<QString, QString> mJunctions;    // generated junction table -> its key
    QHash<QString, QString> mLinkKeys;     // "table\x1fcolumn" -> the key of the link that made the column
};

// Pairs two lists by key, then what is left by equal name (a link removed while its inverse still makes the
// same column, a model that lost its id in a hand edit). Returns the index in `after` for each of `before`.
template <typename T>
QList<int> pairUp(const QList<T> &before, const QStringList &beforeKeys, const QList<T> &after,
                  const QStringList &afterKeys) {
    QList<int> match(before.size(), -1);
    QSet<int> taken;
    for (qsizetype b = 0; b < before.size(); ++b) {
        const qsizetype a = afterKeys.indexOf(beforeKeys.at(b));
        if (a >= 0 && !taken.contains(int(a))) {
            match[b] = int(a);
            taken.insert(int(a));
        }
    }
    for (qsizetype b = 0; b < before.size(); ++b) {
        if (match.at(b) >= 0)
            continue;
        for (qsizetype a = 0; a < after.size(); ++a)
            if (!taken.contains(int(a)) && after.at(a).name == before.at(b).name) {
                match[b] = int(a);
                taken.insert(int(a));
                break;
            }
    }
    return match;
}

QString actions(const ColumnReference &r) {
    return u"ON DELETE %1 ON UPDATE %2"_s.arg(r.onDelete.isEmpty() ? u"NO ACTION"_s : r.onDelete,
                                              r.onUpdate.isEmpty() ? u"NO ACTION"_s : r.onUpdate);
}

QString typeText(const DataType &type) {
    return type.toString();
}

bool widerString(const DataType &from, const DataType &to) {
    const bool fromText = from.kind == DataType::Kind::String || from.kind == DataType::Kind::Char;
    if (!fromText)
        return false;
    if (to.kind == DataType::Kind::Text)
        return true;
    return (to.kind == DataType::Kind::String || to.kind == DataType::Kind::Char) &&
           to.effectiveLength() >= from.effectiveLength();
}

int integralRank(DataType::Kind kind) {
    switch (kind) {
    case DataType::Kind::SmallInt:
        return 1;
    case DataType::Kind::Integer:
        return 2;
    case DataType::Kind::BigInt:
        return 3;
    default:
        return 0;
    }
}

} // namespace

bool SchemaDiff::keepsEveryValue(const DataType &from, const DataType &to) {
    if (from == to)
        return true;
    if (widerString(from, to))
        return true;
    if (from.isIntegral() && to.isIntegral())
        return integralRank(to.kind) >= integralRank(from.kind);
    if ((from.kind == DataType::Kind::SmallInt || from.kind == DataType::Kind::Integer) &&
        to.kind == DataType::Kind::Double)
        return true;
    if (from.kind == DataType::Kind::Float && to.kind == DataType::Kind::Double)
        return true;
    if (from.kind == DataType::Kind::Decimal && to.kind == DataType::Kind::Decimal)
        return to.scale >= from.scale && to.precision - to.scale >= from.precision - from.scale;
    if (from.kind == DataType::Kind::Enum && to.kind == DataType::Kind::Enum) {
        for (const QString &value : from.values)
            if (!to.values.contains(value))
                return false;
        return true;
    }
    if (to.kind == DataType::Kind::Text)
        return from.kind == DataType::Kind::Enum || from.kind == DataType::Kind::Uuid;
    if (from.kind == DataType::Kind::Enum &&
        (to.kind == DataType::Kind::String || to.kind == DataType::Kind::Char)) {
        for (const QString &value : from.values)
            if (value.size() > to.effectiveLength())
                return false;
        return true;
    }
    return false;
}

bool TableChange::reshaped() const {
    if (compositeKeysChanged)
        return true;
    for (const ColumnChange &column : columns)
        if (column.reshaped())
            return true;
    return false;
}

bool TableChange::columnsRenamed() const {
    for (const ColumnChange &column : columns)
        if (column.renamed())
            return true;
    return false;
}

bool TableChange::commentsChanged() const {
    if (before.comment != after.comment)
        return true;
    for (const ColumnChange &column : columns)
        if (column.commentChanged())
            return true;
    return false;
}

bool MigrationPlan::hasDataLoss() const {
    return !dataLosingSteps().isEmpty();
}

QList<MigrationStep> MigrationPlan::dataLosingSteps() const {
    QList<MigrationStep> out;
    for (const MigrationStep &step : steps)
        if (step.dataLoss)
            out.append(step);
    return out;
}

QStringList MigrationPlan::unsupported() const {
    QStringList out;
    for (const MigrationStep &step : steps)
        if (step.kind == Kind::Unsupported)
            out.append(step.description);
    return out;
}

QString MigrationPlan::oldTableName(const QString &newName) const {
    for (const TableChange &change : changed)
        if (change.after.name == newName)
            return change.before.name;
    return newName;
}

namespace {

class Differ {
    Q_DECLARE_TR_FUNCTIONS(SchemaDiff)
public:
    Differ(const Schema &before, const Schema &after) {
        mPlan.before = SchemaResolver::resolve(before);
        mPlan.after = SchemaResolver::resolve(after);
        Identities oldIds(before, mPlan.before);
        Identities newIds(after, mPlan.after);

        const QList<Table> &oldTables = mPlan.before.tables;
        const QList<Table> &newTables = mPlan.after.tables;
        QStringList oldKeys, newKeys;
        for (const Table &t : oldTables)
            oldKeys << oldIds.table(t);
        for (const Table &t : newTables)
            newKeys << newIds.table(t);
        const QList<int> match = pairUp(oldTables, oldKeys, newTables, newKeys);

        QList<int> oldOf(newTables.size(), -1);
        for (qsizetype o = 0; o < oldTables.size(); ++o) {
            if (match.at(o) < 0)
                mPlan.dropped.append(oldTables.at(o));
            else {
                oldOf[match.at(o)] = int(o);
                mTableRename.insert(oldTables.at(o).name, newTables.at(match.at(o)).name);
            }
        }
        // Column renames of every kept table first: a foreign key is compared through them.
        QList<QList<int>> columnMatches(newTables.size());
        for (qsizetype n = 0; n < newTables.size(); ++n) {
            if (oldOf.at(n) < 0)
                continue;
            const Table &o = oldTables.at(oldOf.at(n));
            const Table &t = newTables.at(n);
            QStringList ok, nk;
            for (const Column &c : o.columns)
                ok << oldIds.column(o, c);
            for (const Column &c : t.columns)
                nk << newIds.column(t, c);
            columnMatches[n] = pairUp(o.columns, ok, t.columns, nk);
            for (qsizetype c = 0; c < o.columns.size(); ++c)
                if (columnMatches[n].at(c) >= 0)
                    mColumnRename.insert(o.name + u'\x1f' + o.columns.at(c).name,
                                         t.columns.at(columnMatches[n].at(c)).name);
        }

        for (qsizetype n = 0; n < newTables.size(); ++n) {
            if (oldOf.at(n) < 0) {
                mPlan.created.append(newTables.at(n));
                continue;
            }
            TableChange change =
                compareTable(oldTables.at(oldOf.at(n)), newTables.at(n), columnMatches.at(n));
            if (change.renamed() || change.reshaped() || change.columnsRenamed() || change.commentsChanged())
                mPlan.changed.append(change);
        }
        writeSteps();
    }

    MigrationPlan take() { return std::move(mPlan); }

private:
    TableChange compareTable(const Table &before, const Table &after, const QList<int> &match) {
        TableChange change{before, after, {}, false};
        QList<int> oldOf(after.columns.size(), -1);
        for (qsizetype o = 0; o < before.columns.size(); ++o)
            if (match.at(o) >= 0)
                oldOf[match.at(o)] = int(o);
        for (qsizetype n = 0; n < after.columns.size(); ++n) {
            ColumnChange column;
            column.after = after.columns.at(n);
            if (oldOf.at(n) >= 0) {
                column.before = before.columns.at(oldOf.at(n));
                column.referenceChanged =
                    referenceChanged(column.before->references, column.after->references);
            } else {
                column.referenceChanged = column.after->references.has_value();
            }
            change.columns.append(column);
        }
        for (qsizetype o = 0; o < before.columns.size(); ++o)
            if (match.at(o) < 0)
                change.columns.append(ColumnChange{before.columns.at(o), std::nullopt,
                                                   before.columns.at(o).references.has_value()});
        change.compositeKeysChanged = renamedColumns(before.name, before.primaryKey) != after.primaryKey;
        QList<QStringList> uniques;
        for (const QStringList &key : before.uniqueKeys)
            uniques << renamedColumns(before.name, key);
        change.compositeKeysChanged = change.compositeKeysChanged || uniques != after.uniqueKeys;
        return change;
    }

    QStringList renamedColumns(const QString &table, const QStringList &columns) const {
        QStringList out;
        for (const QString &c : columns)
            out << mColumnRename.value(table + u'\x1f' + c, c);
        return out;
    }

    bool referenceChanged(const std::optional<ColumnReference> &before,
                          const std::optional<ColumnReference> &after) const {
        if (before.has_value() != after.has_value())
            return true;
        if (!before)
            return false;
        ColumnReference mapped = *before;
        mapped.column = mColumnRename.value(before->table + u'\x1f' + before->column, before->column);
        mapped.table = mTableRename.value(before->table, before->table);
        return !(mapped == *after);
    }

    void step(Kind kind, const QString &table, const QString &column, const QString &description,
              const QString &lossReason = {}) {
        mPlan.steps.append({kind, table, column, description, !lossReason.isEmpty(), lossReason});
    }

    void writeSteps() {
        for (const Table &table : std::as_const(mPlan.dropped))
            step(Kind::DropTable, table.name, {}, tr("drop table %1").arg(table.name),
                 tr("drops the table and every row in it"));
        for (const TableChange &change : std::as_const(mPlan.changed))
            if (change.renamed())
                step(Kind::RenameTable, change.after.name, {},
                     tr("rename table %1 to %2").arg(change.before.name, change.after.name));
        for (const Table &table : std::as_const(mPlan.created))
            step(Kind::CreateTable, table.name, {}, tr("create table %1").arg(table.name));
        for (const TableChange &change : std::as_const(mPlan.changed))
            writeColumnSteps(change);
    }

    void writeColumnSteps(const TableChange &change) {
        const QString t = change.after.name;
        if (change.before.comment != change.after.comment)
            step(Kind::ChangeComment, t, {}, tr("change the comment of table %1").arg(t));
        if (change.compositeKeysChanged)
            step(Kind::Unsupported, t, {},
                 tr("change the primary key or a composite unique key of table %1 (not supported: write "
                    "this step by hand)")
                     .arg(t));
        for (const ColumnChange &c : change.columns) {
            if (!c.before) {
                const Column &a = *c.after;
                QString text = tr("add column %1.%2 %3").arg(t, a.name, typeText(a.type));
                if (!a.nullable && !a.hasDefault() && !a.autoIncrement)
                    text += a.origin == Column::Origin::Timestamp
                                ? tr(" (existing rows get the current time)")
                                : tr(" (NOT NULL without a default: the table must be empty)");
                step(Kind::AddColumn, t, a.name, text);
                if (a.references)
                    step(Kind::AddForeignKey, t, a.name,
                         tr("add foreign key %1.%2 -> %3(%4) %5")
                             .arg(t, a.name, a.references->table, a.references->column,
                                  actions(*a.references)));
                continue;
            }
            const Column &b = *c.before;
            if (!c.after) {
                step(Kind::DropColumn, t, b.name, tr("drop column %1.%2").arg(t, b.name),
                     tr("drops the column and its values"));
                continue;
            }
            const Column &a = *c.after;
            if (b.primaryKey != a.primaryKey || b.autoIncrement != a.autoIncrement)
                step(Kind::Unsupported, t, a.name,
                     tr("change the primary key or auto-increment of %1.%2 (not supported: write this step "
                        "by hand)")
                         .arg(t, a.name));
            if (c.renamed())
                step(Kind::RenameColumn, t, a.name, tr("rename column %1.%2 to %3").arg(t, b.name, a.name));
            if (c.typeChanged()) {
                const bool keeps = SchemaDiff::keepsEveryValue(b.type, a.type);
                QString reason =
                    keeps ? QString() : tr("a narrower type: values that do not fit are cut or refused");
                if (!keeps && b.type.kind == DataType::Kind::Enum && a.type.kind == DataType::Kind::Enum) {
                    QStringList gone;
                    for (const QString &value : b.type.values)
                        if (!a.type.values.contains(value))
                            gone << value;
                    reason = tr("removes the value(s) %1: rows holding one stop the migration (SQLite keeps "
                                "them: its column is TEXT)")
                                 .arg(gone.join(u", "_s));
                }
                step(Kind::ChangeType, t, a.name,
                     tr("change the type of %1.%2 from %3 to %4")
                         .arg(t, a.name, typeText(b.type), typeText(a.type)),
                     reason);
            }
            if (c.nullabilityChanged()) {
                if (a.nullable)
                    step(Kind::DropNotNull, t, a.name, tr("allow NULL in %1.%2").arg(t, a.name));
                else
                    step(Kind::SetNotNull, t, a.name, tr("make %1.%2 NOT NULL").arg(t, a.name),
                         tr("rows holding NULL there stop the migration"));
            }
            if (c.defaultChanged())
                step(Kind::ChangeDefault, t, a.name,
                     a.hasDefault() ? tr("set the default of %1.%2").arg(t, a.name)
                                    : tr("drop the default of %1.%2").arg(t, a.name));
            if (c.uniqueChanged())
                step(a.unique ? Kind::AddUnique : Kind::DropUnique, t, a.name,
                     a.unique ? tr("make %1.%2 unique").arg(t, a.name)
                              : tr("drop the unique key of %1.%2").arg(t, a.name));
            if (c.commentChanged())
                step(Kind::ChangeComment, t, a.name, tr("change the comment of %1.%2").arg(t, a.name));
            if (c.referenceChanged) {
                if (b.references)
                    step(Kind::DropForeignKey, t, a.name,
                         tr("drop foreign key %1.%2 -> %3(%4)")
                             .arg(t, a.name, b.references->table, b.references->column));
                if (a.references)
                    step(Kind::AddForeignKey, t, a.name,
                         tr("add foreign key %1.%2 -> %3(%4) %5")
                             .arg(t, a.name, a.references->table, a.references->column,
                                  actions(*a.references)));
            }
        }
    }

    MigrationPlan mPlan;
    QHash<QString, QString> mTableRename;  // OLD table name -> NEW
    QHash<QString, QString> mColumnRename; // OLD "table\x1fcolumn" -> NEW column name
};

} // namespace

MigrationPlan SchemaDiff::compare(const Schema &before, const Schema &after) {
    return Differ(before, after).take();
}

} // namespace modeldesk
