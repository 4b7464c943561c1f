#pragma once

#include "schema/schema.h"

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <optional>

namespace modeldesk {

// What a Sequelize schema becomes in a database: tables with every column Sequelize would create (the implied
// id, timestamps, foreign keys added by links, junction tables), and links with every default filled in.
// Both the DDL exporters and the save controller work from this, so they can never disagree.

struct ColumnReference {
    QString table;
    QString column;
    QString onDelete;
    QString onUpdate;
    friend bool operator==(const ColumnReference &, const ColumnReference &) = default;
};

struct Column {
    enum class Origin { Declared, ImpliedId, Timestamp, ForeignKey };

    QString attribute; // the attribute name in the model, e.g. "userId"
    QString name;      // the column name in the database ("user_id" when underscored)
    DataType type;
    bool nullable = true;
    QJsonValue defaultValue = QJsonValue(QJsonValue::Undefined);
    bool primaryKey = false;
    bool autoIncrement = false;
    bool unique = false;
    QString comment;
    Origin origin = Origin::Declared;
    int fieldIndex = -1; // index into Model::fields for declared columns
    std::optional<ColumnReference> references;

    bool hasDefault() const { return !defaultValue.isUndefined(); }
};

struct Table {
    QString model; // the model it stores; for a generated junction table, empty
    QString name;
    QString comment;
    QList<Column> columns;
    QStringList primaryKey;        // column names
    QList<QStringList> uniqueKeys; // composite unique constraints (junctions with their own key)
    QString createdAtColumn;       // empty when the model has no timestamps
    QString updatedAtColumn;
    QString deletedAtColumn;

    const Column *column(const QString &columnName) const;
    const Column *columnForAttribute(const QString &attribute) const;
    // The one primary key column that names a record (what load, delete, pickers and lists go by), or null
    // when the key is composite or missing.
    const Column *singleKey() const;
};

struct ResolvedLink {
    int index = -1; // into Schema::links
    Link::Kind kind = Link::Kind::HasOne;
    QString source;
    QString target;
    QString as;
    QString foreignKey;       // attribute name
    QString foreignKeyColumn; // on the target (hasOne/hasMany), the source (belongsTo) or the junction
    QString otherKey;         // belongsToMany
    QString otherKeyColumn;
    QString sourceKey;    // attribute on the source the FK refers to (hasOne/hasMany/belongsToMany)
    QString targetKey;    // attribute on the target the FK refers to (belongsTo/belongsToMany)
    QString throughTable; // belongsToMany
    QString throughModel; // belongsToMany through a model of the schema; empty for a generated junction
    QString onDelete;
    QString onUpdate;
};

struct ResolvedSchema {
    QList<Table> tables; // in dependency order: a referenced table comes before the tables referring to it
    QList<ResolvedLink> links;

    const Table *tableForModel(const QString &modelName) const;
    const Table *table(const QString &tableName) const;
    const ResolvedLink *link(const QString &sourceModel, const QString &alias) const;

    // Builds the name lookups above (SchemaResolver::resolve does), so that they cost a hash lookup instead
    // of a scan: what keeps exports and checks linear in the size of a design. A schema put together or
    // changed by hand afterwards still answers right (a lookup checks what it finds and scans when not
    // indexed).
    void index();

private:
    QHash<QString, qsizetype> mTableByName;
    QHash<QString, qsizetype> mTableByModel;
    QHash<QString, qsizetype> mLinkBySourceAlias; // source + '\n' + alias
    qsizetype mIndexedTables = -1;                // tables.size() when indexed
    qsizetype mIndexedLinks = -1;
};

// Builds the ResolvedSchema. Tolerates broken designs (links to missing models are skipped), since the
// validator reports those; callers that write to a database validate first.
class SchemaResolver {
public:
    static ResolvedSchema resolve(const Schema &schema);

    // Sequelize's defaults, exposed for the designer (to prefill a new link) and the exporters.
    static QString defaultAlias(const Schema &schema, const Link &link);
    static QString defaultForeignKey(const Schema &schema, const Link &link);
    static QString defaultOtherKey(const Schema &schema, const Link &link);
    // The link at `index` resolved as if it named none of its source/target keys and actions: what Sequelize
    // would use for each of them (the property editor shows these as the defaults). Nullopt when the link
    // does not resolve (a missing model, a belongsToMany without through).
    static std::optional<ResolvedLink> linkDefaults(const Schema &schema, int index);

private:
    // The same, with the link's models already looked up (resolve() has them at hand).
    static QString foreignKeyFor(const Schema &schema, const Link &link, const Model *source,
                                 const Model *target);
    static QString otherKeyFor(const Link &link, const Model *target);
};

} // namespace modeldesk
