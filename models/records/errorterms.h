#pragma once

#include "db/databaseerror.h"
#include "records/saveplan.h"
#include "schema/resolvedschema.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace modeldesk {

// A statement the database refused, said in the terms of the record it wrote: "code 1234 is already used by
// another test", "name needs a value", "customerId 99 names no customer". Empty when the engine's message
// says nothing a person could act on beyond its own words (the caller then shows those).
class ErrorTerms {
    Q_DECLARE_TR_FUNCTIONS(ErrorTerms)
public:
    // `columns`: the columns of `step`'s table the database named (directly or through its constraint).
    static QString describe(const ResolvedSchema &resolved, const PlanStep &step, ErrorSubject::Kind kind,
                            const QStringList &columns);
};

} // namespace modeldesk
