#pragma once

#include "db/connectionurl.h"
#include "workload.h"

// The workload written directly against libpq, in the two ways the reference figures were measured:
// BEGIN, INSERT parent RETURNING id, INSERT children, COMMIT (prepared, one round trip each), and one
// data-modifying CTE per save in autocommit (one round trip).
class NativePq {
public:
    // SqlExecute: the CTE as Qt's QPSQL driver sends a prepared statement — SQL-level PREPARE once, then
    // "EXECUTE name('literal', ...)" over the simple query protocol — to show what the driver costs.
    enum class Mode { Transaction, OneStatement, SqlExecute };
    static double savesPerSecond(const Workload &workload, const modeldesk::ConnectionUrl &url, Mode mode,
                                 int saves, QString *error, double *cpuMicrosPerSave = nullptr);
};
