// Resolving only what an edit touched (ResolveScope) gives exactly what a whole resolve gives: random edits
// of every kind (models changed, renamed, added and removed; links added, removed and changed, with odd keys,
// junction models, `through` naming a table, dangling ends) on generated designs; after each, every model the
// scope leaves out has the table it had before, and every model it resolves has the table a whole resolve
// gives. Any set of models resolved on its own matches the whole resolve too.
//
// MODELDESK_SCOPE_EDITS (default 4000) sets the number of edits, MODELDESK_SCOPE_SEED the seed.
#include "editing/designgenerator.h"
#include "schema/resolvescope.h"

#include <QRandomGenerator>
#include <QTest>

using namespace modeldesk;
using namespace Qt::StringLiterals;

namespace {

int envInt(const char *name, int fallback) {
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok ? value : fallback;
}

// Everything a table holds, as text: two tables are the same when their texts are.
QString describe(const Table &table) {
    QStringList lines{u"%1 model=%2 comment=%3 pk=%4 unique=%5 ts=%6/%7/%8"_s.arg(
        table.name, table.model, table.comment, table.primaryKey.join(u','),
        [&] {
            QStringList keys;
            for (const QStringList &key : table.uniqueKeys)
                keys << key.join(u'+');
            return keys.join(u';');
        }(),
        table.createdAtColumn, table.updatedAtColumn, table.deletedAtColumn)};
    for (const Column &c : table.columns) {
        QString line = u"  %1 (%2) %3 null=%4 pk=%5 ai=%6 uq=%7 origin=%8 field=%9"_s.arg(
            c.name, c.attribute, c.type.toString(), QString::number(c.nullable),
            QString::number(c.primaryKey), QString::number(c.autoIncrement), QString::number(c.unique),
            QString::number(int(c.origin)), QString::number(c.fieldIndex));
        line += u" default=%1 comment=%2"_s.arg(
            c.hasDefault() ? c.defaultValue.toVariant().toString() : u"-"_s, c.comment);
        if (c.references)
            line += u" -> %1.%2 %3 %4"_s.arg(c.references->table, c.references->column,
                                             c.references->onDelete, c.references->onUpdate);
        lines << line;
    }
    return lines.join(u'\n');
}

QHash<QString, QString> tablesByModel(const Schema &schema) {
    QHash<QString, QString> tables;
    const ResolvedSchema resolved = SchemaResolver::resolve(schema);
    for (const Model &model : schema.models)
        if (const Table *table = resolved.tableForModel(model.name))
            tables.insert(model.name, describe(*table));
    return tables;
}

} // namespace

class TstResolveScope : public QObject {
    Q_OBJECT

private slots:
    void randomEditsResolveLikeTheWhole();

private:
    QString pick(const QStringList &names) {
        return names.isEmpty() ? QString() : names.at(int(mRandom.bounded(names.size())));
    }
    QStringList modelNames(const Schema &schema) const {
        QStringList names;
        for (const Model &model : schema.models)
            names << model.name;
        return names;
    }
    // A key attribute worth reading: the primary key, another field, a timestamp, one a link adds, or none.
    QString keyFor(const Schema &schema, const QString &model) {
        const Model *m = schema.model(model);
        switch (mRandom.bounded(6)) {
        case 0:
            return m && !m->fields.isEmpty() ? m->fields.at(int(mRandom.bounded(m->fields.size()))).name
                                             : QString();
        case 1:
            return u"id"_s;
        case 2:
            return u"createdAt"_s;
        case 3: {
            QStringList added;
            for (const Link &link : schema.links)
                if (!link.foreignKey.isEmpty())
                    added << link.foreignKey;
            return pick(added);
        }
        default:
            return {};
        }
    }
    Link randomLink(const Schema &schema) {
        const QStringList names = modelNames(schema);
        Link link;
        link.kind = Link::Kind(mRandom.bounded(4));
        link.source = mRandom.bounded(20) ? pick(names) : u"ghost"_s;
        link.target = mRandom.bounded(20) ? pick(names) : u"ghost"_s;
        if (mRandom.bounded(3) == 0)
            link.as = u"a%1"_s.arg(mRandom.bounded(5));
        if (mRandom.bounded(3) == 0)
            link.foreignKey = u"fk%1"_s.arg(mRandom.bounded(4));
        if (mRandom.bounded(4) == 0)
            link.sourceKey = keyFor(schema, link.source);
        if (mRandom.bounded(4) == 0)
            link.targetKey = keyFor(schema, link.target);
        if (link.kind == Link::Kind::BelongsToMany) {
            const Model *through = schema.model(pick(names));
            switch (mRandom.bounded(4)) {
            case 0:
                link.through = through ? through->name : QString();
                break;
            case 1:
                link.through = through ? through->effectiveTableName() : QString();
                break;
            case 2:
                link.through = u"junction%1"_s.arg(mRandom.bounded(3));
                break;
            default:
                break; // none: not resolved
            }
        }
        if (mRandom.bounded(4) == 0)
            link.onDelete = mRandom.bounded(2) ? u"SET NULL"_s : u"RESTRICT"_s;
        return link;
    }
    Model changedModel(const Schema &schema, Model model) {
        switch (mRandom.bounded(10)) {
        case 0:
            model.underscored = !model.underscored;
            break;
        case 1:
            model.freezeTableName = !model.freezeTableName;
            break;
        case 2:
            model.timestamps = !model.timestamps;
            break;
        case 3:
            model.paranoid = !model.paranoid;
            break;
        case 4: {
            // Another model's table, a `through` name, or back to the derived one.
            const Model *other = schema.model(pick(modelNames(schema)));
            model.tableName = mRandom.bounded(3) == 0       ? QString()
                              : mRandom.bounded(2) && other ? other->effectiveTableName()
                                                            : u"junction%1"_s.arg(mRandom.bounded(3));
            break;
        }
        case 5: {
            Field field;
            field.name =
                mRandom.bounded(2) ? u"fk%1"_s.arg(mRandom.bounded(4)) : u"f%1"_s.arg(mRandom.bounded(9));
            field.type = mRandom.bounded(2) ? DataType::string(20) : DataType::ofKind(DataType::Kind::BigInt);
            field.primaryKey = mRandom.bounded(4) == 0;
            if (mRandom.bounded(3) == 0)
                field.allowNull = mRandom.bounded(2) == 0;
            model.fields.append(field);
            break;
        }
        case 6:
            if (!model.fields.isEmpty())
                model.fields.removeAt(int(mRandom.bounded(model.fields.size())));
            break;
        case 7:
            if (!model.fields.isEmpty())
                model.fields[int(mRandom.bounded(model.fields.size()))].name =
                    u"r%1"_s.arg(mRandom.bounded(9));
            break;
        case 8:
            if (!model.fields.isEmpty()) {
                Field &field = model.fields[int(mRandom.bounded(model.fields.size()))];
                field.type =
                    mRandom.bounded(2) ? DataType::ofKind(DataType::Kind::Uuid) : DataType::integer();
            }
            break;
        default:
            if (!model.fields.isEmpty()) {
                Field &field = model.fields[int(mRandom.bounded(model.fields.size()))];
                field.primaryKey = !field.primaryKey;
            }
            break;
        }
        return model;
    }

    // One random edit of `schema`, as the document's mutators make it; answers what it touched.
    SchemaTouch edit(Schema &schema, QString *what);

    QRandomGenerator mRandom;
};

SchemaTouch TstResolveScope::edit(Schema &schema, QString *what) {
    SchemaTouch touch;
    const auto touchModel = [&touch](const Model &model) {
        touch.models.insert(model.name);
        touch.tableNames.insert(model.effectiveTableName());
    };
    const int models = int(schema.models.size());
    const int links = int(schema.links.size());
    switch (mRandom.bounded(8)) {
    case 0:
    case 1:
        if (models > 0) {
            const int i = int(mRandom.bounded(models));
            touchModel(schema.models.at(i));
            schema.models[i] = changedModel(schema, schema.models.at(i));
            touchModel(schema.models.at(i));
            *what = u"change model %1"_s.arg(schema.models.at(i).name);
            return touch;
        }
        break;
    case 2:
        if (models > 0) {
            // A rename, with the links that name the model following (RenameModelCommand).
            const int i = int(mRandom.bounded(models));
            const QString from = schema.models.at(i).name;
            const QString to = u"renamed%1"_s.arg(mRandom.bounded(1000));
            if (schema.model(to))
                break;
            touchModel(schema.models.at(i));
            schema.models[i].name = to;
            touchModel(schema.models.at(i));
            for (Link &link : schema.links) {
                if (link.source != from && link.target != from && link.through != from)
                    continue;
                touch.addLink(link);
                for (QString *end : {&link.source, &link.target, &link.through})
                    if (*end == from)
                        *end = to;
                touch.addLink(link);
            }
            *what = u"rename %1 to %2"_s.arg(from, to);
            return touch;
        }
        break;
    case 3: {
        Model model;
        model.name = mRandom.bounded(4) == 0 ? u"ghost"_s : u"new%1"_s.arg(mRandom.bounded(1000));
        if (schema.model(model.name))
            break;
        model = changedModel(schema, model);
        schema.models.insert(int(mRandom.bounded(models + 1)), model);
        touchModel(model);
        *what = u"add model %1"_s.arg(model.name);
        return touch;
    }
    case 4:
        if (models > 0) {
            // Sometimes with its links (RemoveModelCommand), sometimes leaving them dangling.
            const int i = int(mRandom.bounded(models));
            const Model model = schema.models.at(i);
            touchModel(model);
            schema.models.removeAt(i);
            *what = u"remove model %1"_s.arg(model.name);
            return touch;
        }
        break;
    case 5: {
        const Link link = randomLink(schema);
        schema.links.insert(int(mRandom.bounded(links + 1)), link);
        touch.addLink(link);
        *what = u"add link %1 %2 %3 through '%4'"_s.arg(link.source, Link::kindName(link.kind), link.target,
                                                        link.through);
        return touch;
    }
    case 6:
        if (links > 0) {
            const int i = int(mRandom.bounded(links));
            touch.addLink(schema.links.at(i));
            schema.links.removeAt(i);
            *what = u"remove link %1"_s.arg(i);
            return touch;
        }
        break;
    default:
        if (links > 0) {
            const int i = int(mRandom.bounded(links));
            touch.addLink(schema.links.at(i));
            Link link = randomLink(schema);
            if (mRandom.bounded(2)) { // a small change of the same link
                link.source = schema.links.at(i).source;
                link.target = schema.links.at(i).target;
            }
            schema.links[i] = link;
            touch.addLink(link);
            *what = u"change link %1"_s.arg(i);
            return touch;
        }
        break;
    }
    *what = u"nothing"_s;
    return touch;
}

void TstResolveScope::randomEditsResolveLikeTheWhole() {
    const quint32 seed = quint32(envInt("MODELDESK_SCOPE_SEED", 20261208));
    const int edits = envInt("MODELDESK_SCOPE_EDITS", 4000);
    mRandom.seed(seed);
    Schema schema;
    QHash<QString, QString> before;
    QStringList log;
    int narrowed = 0;
    for (int n = 0; n < edits; ++n) {
        if (n % 40 == 0) { // a fresh design now and then, so that edits do not drift too far from real ones
            DesignGenerator::Options options;
            options.models = 6 + int(mRandom.bounded(10));
            options.fields = 3;
            options.links = options.models * 3 / 2;
            options.seed = mRandom.generate();
            schema = DesignGenerator::generate(options).schema;
            before = tablesByModel(schema);
            log = {u"seed %1, design of %2 models at edit %3"_s.arg(seed).arg(options.models).arg(n)};
        }
        QString what;
        const SchemaTouch touch = edit(schema, &what);
        log << what;
        TableNames tableNames;
        tableNames.reset(schema.models);
        const auto affected =
            ResolveScope::affectedModels(schema, touch, mRandom.bounded(2) ? &tableNames : nullptr);
        const QHash<QString, QString> after = tablesByModel(schema);
        if (!affected) {
            before = after;
            continue;
        }
        narrowed += affected->size() < schema.models.size();
        for (auto it = after.cbegin(); it != after.cend(); ++it) {
            if (!affected->contains(it.key()) && before.value(it.key()) != it.value())
                QFAIL(qPrintable(log.join(u"\n  "_s) +
                                 u"\n=> the table of %1 changed but was left out:\n%2\nwas\n%3"_s.arg(
                                     it.key(), it.value(), before.value(it.key()))));
        }
        const auto scoped = ResolveScope::resolveAffected(schema, touch, &tableNames);
        QVERIFY(scoped);
        QCOMPARE(scoped->size(), affected->size());
        for (auto it = scoped->cbegin(); it != scoped->cend(); ++it)
            if (describe(*it) != after.value(it.key()))
                QFAIL(qPrintable(log.join(u"\n  "_s) + u"\n=> %1 resolved alone:\n%2\nwhole:\n%3"_s.arg(
                                                           it.key(), describe(*it), after.value(it.key()))));
        // Any few models resolved on their own.
        QSet<QString> some;
        for (const Model &model : schema.models)
            if (mRandom.bounded(4) == 0)
                some.insert(model.name);
        const auto part = ResolveScope::resolveModels(schema, some);
        QVERIFY(part);
        for (auto it = part->cbegin(); it != part->cend(); ++it)
            if (describe(*it) != after.value(it.key()))
                QFAIL(qPrintable(log.join(u"\n  "_s) + u"\n=> %1 resolved in a part:\n%2\nwhole:\n%3"_s.arg(
                                                           it.key(), describe(*it), after.value(it.key()))));
        before = after;
    }
    qInfo("%d edits, %d narrowed to part of the design, seed %u", edits, narrowed, seed);
    QVERIFY(narrowed > edits / 2);
}

QTEST_GUILESS_MAIN(TstResolveScope)
#include "tst_resolvescope.moc"
