#pragma once

#include "workload.h"

#include <QString>

// The workload written directly against the sqlite3 C API: prepared statements, BEGIN IMMEDIATE, insert the
// parent, sqlite3_last_insert_rowid, insert the children, COMMIT. Same pragmas as ModelDesk's connection.
class NativeSqlite {
public:
    // path ":memory:" for an in-memory database; the tables must exist (the bench syncs them first).
    static double savesPerSecond(const Workload &workload, const QString &path, int saves, QString *error,
                                 double *cpuMicrosPerSave = nullptr);
};
