#include "export/mermaidexporter.h"

#include "export/exporttext.h"
#include "schema/linkfacts.h"
#include "schema/resolvedschema.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

// Text inside "..." (labels, comments): Mermaid ends it at any '"' and treats "%%" as a comment, so both
// become the entity codes Mermaid decodes when it renders.
QString label(const QString &text) {
    QString out = exporttext::singleLine(text);
    out.replace(u'#', u"#35;"_s);
    out.replace(u'"', u"#quot;"_s);
    out.replace(u'%', u"#37;"_s);
    return u'"' + out + u'"';
}

// Entity references: always quoted (a bare `one`, `many`, `class` or `style` would be read as a keyword),
// or, for names Mermaid cannot quote (with '"', '%', '\' or control characters), an alias with a label.
QHash<QString, QString> entityIds(const ResolvedSchema &schema, QStringList *declarations) {
    static const QRegularExpression quotable(u"^[^\"%\\\\\\x00-\\x1f\\x7f]+$"_s);
    QHash<QString, QString> ids;
    int aliasCount = 0;
    for (const Table &table : schema.tables) {
        QString id;
        QString declaration;
        if (quotable.match(table.name).hasMatch() && !table.name.trimmed().isEmpty()) {
            id = declaration = u'"' + table.name + u'"';
        } else {
            id = u"table%1"_s.arg(++aliasCount);
            declaration = id + u'[' + label(table.name) + u']';
        }
        ids.insert(table.name, id);
        declarations->append(declaration);
    }
    return ids;
}

QString attributeName(const QString &name) {
    static const QRegularExpression word(u"^[A-Za-z_][A-Za-z0-9_\\-]*$"_s);
    if (word.match(name).hasMatch() && name.compare(u"PK"_s, Qt::CaseInsensitive) != 0 &&
        name.compare(u"FK"_s, Qt::CaseInsensitive) != 0 && name.compare(u"UK"_s, Qt::CaseInsensitive) != 0)
        return name;
    QString inner = exporttext::singleLine(name);
    inner.replace(u'`', u'\'');
    return u'`' + (inner.isEmpty() ? u" "_s : inner) + u'`';
}

QString attributeType(const DataType &type) {
    DataType t = type;
    if (t.kind == DataType::Kind::String || t.kind == DataType::Kind::Char)
        t.length = t.effectiveLength();
    if (t.kind == DataType::Kind::Enum)
        return u"ENUM"_s; // the values go into the comment: quotes are not allowed in a type
    return t.toString();
}

QString attributeLine(const Table &table, const Column &column) {
    QStringList keys;
    if (column.primaryKey)
        keys << u"PK"_s;
    if (column.references)
        keys << u"FK"_s;
    if (column.unique && !column.primaryKey)
        keys << u"UK"_s;
    QStringList notes;
    if (!column.comment.isEmpty())
        notes << column.comment;
    if (column.type.kind == DataType::Kind::Enum)
        notes << u"one of: "_s + column.type.values.join(u", "_s);
    Q_UNUSED(table);
    QString line = u"        "_s + attributeType(column.type) + u' ' + attributeName(column.name);
    if (!keys.isEmpty())
        line += u' ' + keys.join(u", "_s);
    if (!notes.isEmpty())
        line += u' ' + label(notes.join(u"; "_s));
    return line + u'\n';
}

QString cardinality(const ResolvedSchema &schema, const ResolvedLink &link) {
    const Column *fk = linkfacts::foreignKeyColumn(schema, link);
    const bool nullable = !fk || fk->nullable;
    const bool unique = fk && fk->unique;
    switch (link.kind) {
    case Link::Kind::HasOne:
        return (nullable ? u"|o"_s : u"||"_s) + u"--o|"_s;
    case Link::Kind::HasMany:
        return (nullable ? u"|o"_s : u"||"_s) + u"--o{"_s;
    case Link::Kind::BelongsTo:
        return (unique ? u"|o"_s : u"}o"_s) + u"--"_s + (nullable ? u"o|"_s : u"||"_s);
    case Link::Kind::BelongsToMany:
        return u"}o--o{"_s;
    }
    return {};
}

} // namespace

QString MermaidExporter::name() const {
    return u"mermaid"_s;
}

QString MermaidExporter::description() const {
    return QCoreApplication::translate("MermaidExporter",
                                       "Mermaid erDiagram (for Markdown on GitHub, GitLab, docs sites)");
}

QString MermaidExporter::defaultExtension() const {
    return u"mmd"_s;
}

QString MermaidExporter::fileFilter() const {
    return QCoreApplication::translate("MermaidExporter", "Mermaid diagram (*.mmd *.mermaid)");
}

std::optional<ExportFiles> MermaidExporter::render(const Project &project, const ExportOptions &options,
                                                   QString *) const {
    const ResolvedSchema schema = SchemaResolver::resolve(project.schema);
    QStringList declarations;
    const QHash<QString, QString> ids = entityIds(schema, &declarations);

    QString out = u"%% "_s + exporttext::generatedBy(options.origin) + u'\n';
    out += u"erDiagram\n"_s;
    for (qsizetype i = 0; i < schema.tables.size(); ++i) {
        const Table &table = schema.tables.at(i);
        out += u"    "_s + declarations.at(i) + u" {\n"_s;
        for (const Column &column : table.columns)
            out += attributeLine(table, column);
        out += u"    }\n"_s;
    }
    for (const ResolvedLink &link : schema.links) {
        const Table *source = schema.tableForModel(link.source);
        const Table *target = schema.tableForModel(link.target);
        if (!source || !target)
            continue;
        out += u"    "_s + ids.value(source->name) + u' ' + cardinality(schema, link) + u' ' +
               ids.value(target->name) + u" : "_s + label(link.as) + u'\n';
    }
    return ExportFiles{{QString(), out.toUtf8()}};
}

} // namespace modeldesk
