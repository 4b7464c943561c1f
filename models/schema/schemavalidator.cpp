#include "schema/schemavalidator.h"

#include "schema/resolvedschema.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <optional>

#include <algorithm>
#include <functional>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

QString modelPath(const QString &model) {
    return u"model '%1'"_s.arg(model);
}
QString fieldPath(const QString &model, const QString &field) {
    return u"model '%1' › field '%2'"_s.arg(model, field);
}
QString linkPath(int index, const Link &link) {
    return u"link %1 (%2 %3 %4)"_s.arg(index + 1).arg(link.source, Link::kindName(link.kind), link.target);
}

// Words that are reserved in at least one of SQLite, PostgreSQL and MySQL and that people actually use as
// names. Quoting makes them work; the warning is for hand-written SQL elsewhere.
const QSet<QString> &reservedWords() {
    static const QSet<QString> words = [] {
        QSet<QString> set;
        for (const char *w :
             {"add",     "all",     "alter",     "and",        "as",        "asc",      "between", "by",
              "case",    "check",   "column",    "constraint", "create",    "cross",    "current", "default",
              "delete",  "desc",    "distinct",  "drop",       "else",      "end",      "except",  "exists",
              "foreign", "from",    "full",      "grant",      "group",     "having",   "in",      "index",
              "inner",   "insert",  "intersect", "into",       "is",        "join",     "key",     "left",
              "like",    "limit",   "natural",   "not",        "null",      "offset",   "on",      "or",
              "order",   "outer",   "primary",   "references", "right",     "select",   "set",     "table",
              "then",    "to",      "union",     "unique",     "update",    "user",     "using",   "values",
              "when",    "where",   "with",      "window",     "range",     "rank",     "row",     "rows",
              "schema",  "trigger", "view",      "analyze",    "condition", "interval", "match",   "option",
              "release", "rename",  "replace",   "return",     "read",      "write",    "lock",    "desc"})
            set.insert(QString::fromLatin1(w));
        return set;
    }();
    return words;
}

class Checker {
    Q_DECLARE_TR_FUNCTIONS(SchemaValidator)
public:
    Checker(const Schema &schema, const ResolvedSchema *resolved)
        : mSchema(schema)
        , mGivenResolved(resolved) {}

    QList<Problem> run() {
        checkModels();
        checkLinks();
        checkResolved();
        return mProblems;
    }

private:
    void add(Problem::Severity severity, const QString &path, const QString &message,
             const QString &model = {}, const QString &field = {}, int link = -1) {
        mProblems.append(Problem{severity, path, message, model, field, link});
    }
    void error(const QString &path, const QString &message, const QString &model = {},
               const QString &field = {}, int link = -1) {
        add(Problem::Severity::Error, path, message, model, field, link);
    }
    void warning(const QString &path, const QString &message, const QString &model = {},
                 const QString &field = {}, int link = -1) {
        add(Problem::Severity::Warning, path, message, model, field, link);
    }

    // Reserved words matter only for names that reach SQL (tables, columns); model names and aliases live in
    // JavaScript, where only odd characters are worth a word.
    void checkName(const QString &path, const QString &name, const QString &what, const QString &model,
                   const QString &field = {}, bool sqlName = true) {
        if (sqlName && SchemaValidator::isReservedWord(name))
            warning(
                path,
                tr("%1 \"%2\" is an SQL reserved word; ModelDesk quotes it, but hand-written SQL must too")
                    .arg(what, name),
                model, field);
        else if (!SchemaValidator::isPlainIdentifier(name))
            warning(path,
                    tr("%1 \"%2\" has characters other than letters, digits and _; it must be quoted in SQL")
                        .arg(what, name),
                    model, field);
        if (sqlName && name.toUtf8().size() > 63)
            warning(path,
                    tr("%1 \"%2\" is longer than 63 bytes; PostgreSQL will truncate it").arg(what, name),
                    model, field);
    }

    void checkModels() {
        QHash<QString, QString> modelNames; // lower-case name -> name
        QHash<QString, QString> tableNames; // lower-case table -> model
        for (const Model &model : mSchema.models) {
            const QString path = modelPath(model.name);
            if (model.name.trimmed().isEmpty()) {
                error(path, tr("a model needs a name"), model.name);
                continue;
            }
            if (modelNames.contains(model.name.toLower()))
                error(
                    path,
                    tr("model name \"%1\" is used twice (names are compared ignoring case)").arg(model.name),
                    model.name);
            modelNames.insert(model.name.toLower(), model.name);
            checkName(path, model.name, tr("model name"), model.name, {}, false);

            const QString table = model.effectiveTableName();
            if (const auto other = tableNames.constFind(table.toLower()); other != tableNames.cend())
                error(path, tr("table \"%1\" is also the table of model '%2'").arg(table, *other),
                      model.name);
            tableNames.insert(table.toLower(), model.name);
            checkName(path, table, tr("table name"), model.name);
            if (model.paranoid && !model.timestamps)
                error(path,
                      tr("paranoid needs timestamps (Sequelize keeps deletedAt only with timestamps on)"),
                      model.name);
            checkFields(model);
        }
    }

    void checkFields(const Model &model) {
        QSet<QString> names;
        if (model.timestamps) {
            names.insert(model.createdAtName().toLower());
            names.insert(model.updatedAtName().toLower());
            if (model.paranoid)
                names.insert(model.deletedAtName().toLower());
        }
        const QSet<QString> timestampNames = names;
        for (const Field &field : model.fields) {
            const QString path = fieldPath(model.name, field.name);
            if (field.name.trimmed().isEmpty()) {
                error(modelPath(model.name), tr("a field needs a name"), model.name);
                continue;
            }
            const QString key = model.columnName(field.name).toLower();
            if (timestampNames.contains(key))
                error(
                    path,
                    tr("field \"%1\" collides with the timestamp column Sequelize adds; turn timestamps off "
                       "or rename the field")
                        .arg(field.name),
                    model.name, field.name);
            else if (names.contains(key))
                error(path, tr("field name \"%1\" is used twice in this model").arg(field.name), model.name,
                      field.name);
            names.insert(key);
            checkName(path, field.name, tr("field name"), model.name, field.name);
            checkType(model, field, path);
            checkRules(model, field, path);
        }
        if (model.hasImpliedId() && model.field(u"id"_s))
            error(
                fieldPath(model.name, u"id"_s),
                tr("field \"id\" is not a primary key, but Sequelize adds its own \"id\" primary key when no "
                   "field is one; mark it primaryKey or rename it"),
                model.name, u"id"_s);
    }

    void checkType(const Model &model, const Field &field, const QString &path) {
        const DataType &type = field.type;
        if (type.kind == DataType::Kind::Enum) {
            if (type.values.isEmpty())
                error(path, tr("ENUM needs at least one value"), model.name, field.name);
            if (QSet<QString>(type.values.cbegin(), type.values.cend()).size() != type.values.size())
                error(path, tr("ENUM lists a value twice"), model.name, field.name);
        }
        if (type.kind == DataType::Kind::Decimal && type.scale > type.precision && type.precision > 0)
            error(path,
                  tr("DECIMAL scale %1 is larger than its precision %2").arg(type.scale).arg(type.precision),
                  model.name, field.name);
        if (field.autoIncrement && !type.isIntegral())
            error(path,
                  tr("autoIncrement needs an INTEGER, BIGINT or SMALLINT field, not %1").arg(type.toString()),
                  model.name, field.name);
        if (field.primaryKey && field.allowNull.value_or(false))
            error(path, tr("a primary key cannot allow NULL"), model.name, field.name);
        if (field.hasDefault())
            checkDefault(model, field, path);
    }

    void checkDefault(const Model &model, const Field &field, const QString &path) {
        const QJsonValue value = field.defaultValue;
        const DataType &type = field.type;
        if (value.isNull()) {
            if (!field.isNullable())
                error(path, tr("default is NULL but the field does not allow NULL"), model.name, field.name);
            return;
        }
        if (value.isObject()) {
            const QString fn = value.toObject().value(u"fn"_s).toString();
            const bool ok = (fn == u"NOW"_s &&
                             (type.kind == DataType::Kind::Date || type.kind == DataType::Kind::DateOnly ||
                              type.kind == DataType::Kind::Time)) ||
                            ((fn == u"UUIDV4"_s || fn == u"UUIDV1"_s) && type.kind == DataType::Kind::Uuid);
            if (!ok)
                error(path,
                      tr("default {\"fn\": \"%1\"} does not fit %2 (use NOW for dates, UUIDV4 for UUID)")
                          .arg(fn, type.toString()),
                      model.name, field.name);
            return;
        }
        bool ok = true;
        if (type.isIntegral())
            ok = value.isDouble() && value.toDouble() == static_cast<double>(value.toInteger());
        else if (type.isNumeric())
            ok = value.isDouble() ||
                 (value.isString() &&
                  QRegularExpression(u"^-?\\d+(\\.\\d+)?$"_s).match(value.toString()).hasMatch());
        else if (type.kind == DataType::Kind::Boolean)
            ok = value.isBool();
        else if (type.kind == DataType::Kind::Enum)
            ok = value.isString() && type.values.contains(value.toString());
        else if (type.kind == DataType::Kind::Json)
            ok = true;
        else
            ok = value.isString();
        if (!ok)
            error(path, tr("default value %1 does not fit type %2").arg(jsonText(value), type.toString()),
                  model.name, field.name);
        else if ((type.kind == DataType::Kind::String || type.kind == DataType::Kind::Char) &&
                 value.toString().size() > type.effectiveLength())
            error(path, tr("default value is longer than %1 characters").arg(type.effectiveLength()),
                  model.name, field.name);
    }

    static QString jsonText(const QJsonValue &value) {
        if (value.isString())
            return u'"' + value.toString() + u'"';
        if (value.isBool())
            return value.toBool() ? u"true"_s : u"false"_s;
        if (value.isDouble())
            return QString::number(value.toDouble());
        return tr("(a JSON value)");
    }

    void checkRules(const Model &model, const Field &field, const QString &path) {
        const QStringList known = ValidateRule::knownNames();
        for (const ValidateRule &rule : field.validate) {
            const QString rulePath = path + u" › validate '"_s + rule.name + u'\'';
            if (!known.contains(rule.name)) {
                error(rulePath,
                      tr("unknown validate rule \"%1\" (known: %2)").arg(rule.name, known.join(u", "_s)),
                      model.name, field.name);
                continue;
            }
            const QJsonValue arg = rule.argument;
            if (rule.name == u"len"_s) {
                const QJsonArray range = arg.toArray();
                if (!arg.isArray() || range.size() != 2 || !range.at(0).isDouble() ||
                    !range.at(1).isDouble() || range.at(0).toDouble() > range.at(1).toDouble() ||
                    range.at(0).toDouble() < 0)
                    error(rulePath, tr("len takes [min, max] with 0 <= min <= max, e.g. [2, 10]"), model.name,
                          field.name);
            } else if (rule.name == u"min"_s || rule.name == u"max"_s) {
                if (!arg.isDouble())
                    error(rulePath, tr("%1 takes a number").arg(rule.name), model.name, field.name);
                else if (!field.type.isNumeric())
                    warning(
                        rulePath,
                        tr("%1 compares numbers, but the field is %2").arg(rule.name, field.type.toString()),
                        model.name, field.name);
            } else if (rule.name == u"is"_s) {
                const QRegularExpression re(arg.toString());
                if (!arg.isString() || !re.isValid())
                    error(rulePath, tr("is takes a valid regular expression: %1").arg(re.errorString()),
                          model.name, field.name);
            } else if (rule.name == u"isIn"_s) {
                if (!arg.isArray() || arg.toArray().isEmpty() || !arg.toArray().at(0).isArray())
                    error(rulePath,
                          tr("isIn takes a list of allowed values wrapped in a list, e.g. [[\"a\",\"b\"]]"),
                          model.name, field.name);
            } else if (!arg.isBool()) {
                error(rulePath, tr("%1 takes true or false").arg(rule.name), model.name, field.name);
            }
        }
    }

    void checkLinks() {
        QHash<QString, QSet<QString>> aliases; // source model -> aliases used
        // Looked up once (the first model of a name, as Schema::model does): big designs have thousands of
        // links, and searching the models for each was quadratic.
        QHash<QString, const Model *> models;
        for (const Model &model : mSchema.models)
            if (!models.contains(model.name))
                models.insert(model.name, &model);
        for (int i = 0; i < mSchema.links.size(); ++i) {
            const Link &link = mSchema.links.at(i);
            const QString path = linkPath(i, link);
            const Model *source = models.value(link.source);
            const Model *target = models.value(link.target);
            if (!source)
                error(path, tr("source model '%1' does not exist").arg(link.source), {}, {}, i);
            if (!target)
                error(path, tr("target model '%1' does not exist").arg(link.target), {}, {}, i);
            if (!source || !target)
                continue;
            const QString alias = link.as.isEmpty() ? SchemaResolver::defaultAlias(mSchema, link) : link.as;
            if (aliases[link.source].contains(alias))
                error(path,
                      tr("alias \"%1\" is used twice on model '%2'; give each link its own `as`")
                          .arg(alias, link.source),
                      link.source, {}, i);
            aliases[link.source].insert(alias);
            if (source->field(alias))
                error(path,
                      tr("alias \"%1\" collides with a field of model '%2' (Sequelize refuses this)")
                          .arg(alias, link.source),
                      link.source, alias, i);
            if (link.kind == Link::Kind::BelongsToMany && link.through.trimmed().isEmpty())
                error(path, tr("belongsToMany needs `through` (a junction table or model name)"), link.source,
                      {}, i);
            if (!link.sourceKey.isEmpty() && !hasAttribute(*source, link.sourceKey))
                error(path,
                      tr("sourceKey \"%1\" is not an attribute of '%2'").arg(link.sourceKey, link.source),
                      link.source, {}, i);
            if (!link.targetKey.isEmpty() && !hasAttribute(*target, link.targetKey))
                error(path,
                      tr("targetKey \"%1\" is not an attribute of '%2'").arg(link.targetKey, link.target),
                      link.source, {}, i);
            const QStringList actions = Link::referentialActions();
            for (const auto &[what, value] :
                 {std::pair{u"onDelete"_s, link.onDelete}, {u"onUpdate"_s, link.onUpdate}})
                if (!value.isEmpty() && !actions.contains(value))
                    error(path, tr("%1 \"%2\" is not one of %3").arg(what, value, actions.join(u", "_s)),
                          link.source, {}, i);
            checkName(path, alias, tr("alias"), link.source, {}, false);
        }
    }

    static bool hasAttribute(const Model &model, const QString &attribute) {
        return model.field(attribute) || (attribute == u"id"_s && model.hasImpliedId());
    }

    void checkResolved() {
        std::optional<ResolvedSchema> own;
        const ResolvedSchema &resolved =
            mGivenResolved ? *mGivenResolved : own.emplace(SchemaResolver::resolve(mSchema));
        // The first table of each name and model, as ResolvedSchema::table()/tableForModel() find them.
        for (const Table &table : resolved.tables) {
            if (!mTablesByName.contains(table.name))
                mTablesByName.insert(table.name, &table);
            if (!table.model.isEmpty() && !mTablesByModel.contains(table.model))
                mTablesByModel.insert(table.model, &table);
        }
        for (const ResolvedLink &link : resolved.links) {
            const Link &declared = mSchema.links.at(link.index);
            const QString path = linkPath(link.index, declared);
            checkForeignKeyType(link, path, link.foreignKeyColumn);
            if (link.kind == Link::Kind::BelongsToMany)
                checkForeignKeyType(link, path, link.otherKeyColumn);
        }
        checkRequiredCycles(resolved);
    }

    void checkForeignKeyType(const ResolvedLink &link, const QString &path, const QString &columnName) {
        QString holderName = link.throughTable;
        if (holderName.isEmpty()) {
            const QString holderModel = link.kind == Link::Kind::BelongsTo ? link.source : link.target;
            const Table *holder = mTablesByModel.value(holderModel);
            holderName = holder ? holder->name : QString();
        }
        const Table *holder = mTablesByName.value(holderName);
        const Column *column = holder ? holder->column(columnName) : nullptr;
        if (!column || !column->references)
            return;
        const Table *referenced = mTablesByName.value(column->references->table);
        const Column *key = referenced ? referenced->column(column->references->column) : nullptr;
        if (!key)
            return;
        if (column->type.kind != key->type.kind) {
            const bool bothIntegral = column->type.isIntegral() && key->type.isIntegral();
            const QString message = tr("foreign key %1.%2 is %3 but %4.%5 is %6")
                                        .arg(holder->name, column->name, column->type.toString(),
                                             referenced->name, key->name, key->type.toString());
            if (bothIntegral)
                warning(path, message, link.source, {}, link.index);
            else
                error(path, message, link.source, {}, link.index);
        }
        if (!column->nullable && column->references->onDelete == u"SET NULL"_s)
            warning(
                path,
                tr("onDelete SET NULL on %1.%2, which does not allow NULL").arg(holder->name, column->name),
                link.source, {}, link.index);
        if (!key->primaryKey && !key->unique)
            warning(path,
                    tr("%1.%2 is referenced by a foreign key but is neither primary key nor unique")
                        .arg(referenced->name, key->name),
                    link.source, {}, link.index);
    }

    // A row can only be inserted when every table it requires (through a NOT NULL foreign key) can be filled
    // first; a cycle of such requirements makes the first insert impossible.
    void checkRequiredCycles(const ResolvedSchema &resolved) {
        QHash<QString, QStringList> needs;
        for (const Table &table : resolved.tables)
            for (const Column &column : table.columns)
                if (column.references && !column.nullable && !column.primaryKey)
                    needs[table.name].append(column.references->table);

        QHash<QString, int> state; // 0 new, 1 on stack, 2 done
        QStringList stack;
        QSet<QString> reported;
        std::function<void(const QString &)> visit = [&](const QString &table) {
            state[table] = 1;
            stack.append(table);
            for (const QString &next : needs.value(table)) {
                if (state.value(next) == 1) {
                    QStringList cycle = stack.mid(stack.indexOf(next));
                    cycle.append(next);
                    QStringList sorted = cycle;
                    sorted.sort();
                    if (!reported.contains(sorted.join(u','))) {
                        reported.insert(sorted.join(u','));
                        const Table *t = resolved.table(next);
                        error(u"table '%1'"_s.arg(next),
                              tr("required foreign keys form a cycle (%1): no row can be inserted first; "
                                 "allow NULL "
                                 "on one of them")
                                  .arg(cycle.join(u" → "_s)),
                              t ? t->model : QString());
                    }
                } else if (state.value(next) == 0) {
                    visit(next);
                }
            }
            stack.removeLast();
            state[table] = 2;
        };
        for (const Table &table : resolved.tables)
            if (state.value(table.name) == 0)
                visit(table.name);
    }

    const Schema &mSchema;
    const ResolvedSchema *mGivenResolved; // the caller's resolve of mSchema, or null to resolve here
    QList<Problem> mProblems;
    QHash<QString, const Table *> mTablesByName;
    QHash<QString, const Table *> mTablesByModel;
};

} // namespace

QString Problem::toString() const {
    return (isError() ? u"error: "_s : u"warning: "_s) + path + u": "_s + message;
}

QList<Problem> SchemaValidator::validate(const Schema &schema) {
    return Checker(schema, nullptr).run();
}

QList<Problem> SchemaValidator::validate(const Schema &schema, const ResolvedSchema &resolved) {
    return Checker(schema, &resolved).run();
}

bool SchemaValidator::hasErrors(const QList<Problem> &problems) {
    return std::any_of(problems.cbegin(), problems.cend(), [](const Problem &p) { return p.isError(); });
}

bool SchemaValidator::isPlainIdentifier(const QString &name) {
    // [A-Za-z_][A-Za-z0-9_]*, by hand: it runs for every name of a design, and big designs have tens of
    // thousands.
    auto letter = [](char16_t c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
    };
    if (name.isEmpty() || !letter(name.front().unicode()))
        return false;
    return std::all_of(name.cbegin(), name.cend(), [&](QChar c) {
        return letter(c.unicode()) || (c.unicode() >= u'0' && c.unicode() <= u'9');
    });
}

bool SchemaValidator::isReservedWord(const QString &name) {
    return reservedWords().contains(name.toLower());
}

} // namespace modeldesk
