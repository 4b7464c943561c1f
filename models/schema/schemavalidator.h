#pragma once

#include "schema/schema.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace modeldesk {

struct ResolvedSchema;

// One finding of the validator. `path` is for people ("model 'test' › field 'userId'"); model/field/link
// are for tools (the designer selects the item when a problem is clicked).
struct Problem {
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    QString path;
    QString message;
    QString model;
    QString field;
    int link = -1;

    bool isError() const { return severity == Severity::Error; }
    // "error: model 'test' › field 'userId': ..." — the line format of `modeldesk validate`.
    QString toString() const;
    friend bool operator==(const Problem &, const Problem &) = default;
};

// Checks a whole schema: names, types, links, and whether records can be inserted at all. Cheap enough to
// run after every edit (linear in the size of the design, plus one cycle search over the tables).
class SchemaValidator {
    Q_DECLARE_TR_FUNCTIONS(SchemaValidator)
public:
    static QList<Problem> validate(const Schema &schema);
    // The same, reusing `resolved` (SchemaResolver::resolve(schema)), which the caller already has.
    static QList<Problem> validate(const Schema &schema, const ResolvedSchema &resolved);
    static bool hasErrors(const QList<Problem> &problems);
    static bool isPlainIdentifier(const QString &name);
    static bool isReservedWord(const QString &name);
};

} // namespace modeldesk
