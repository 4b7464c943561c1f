#pragma once

#include "connectionurl.h"
#include "workload.h"

// The workload written directly against libpq, in the two ways the reference figures were measured:
// BEGIN, INSERT parent RETURNING id, INSERT children, COMMIT (prepared, one round trip each), and one
// data-modifying CTE per save in autocommit (one round trip).
class NativePq {
public:
    enum class Mode { Transaction, OneStatement };
    static double savesPerSecond(const Workload &workload, const modeldesk::ConnectionUrl &url, Mode mode,
                                 int saves, QString *error);
};
