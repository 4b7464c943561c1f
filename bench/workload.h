#pragma once

#include "schema/schema.h"

#include <QJsonObject>
#include <QString>

// One benchmark workload: a design, the graph saved N times, and the SQL a hand-written native client would
// send for it (the same tables, columns and values, so both sides do the same work).
struct Workload {
    QString name; // "parent + hasOne child"
    modeldesk::Schema schema;
    QString model;     // the root model saved
    QJsonObject graph; // what the controller saves
    QString parentTable;
    QStringList parentColumns; // besides the generated id; values are parentValues + two timestamps
    QStringList parentValues;
    QString childTable;
    QString childForeignKey;
    QStringList childColumns;    // besides the foreign key and the timestamps
    QList<QStringList> children; // the values of each child

    static Workload hasOneChild();     // the seed: testUser hasOne test as user_test
    static Workload hasManyChildren(); // author hasMany book as books, three books per author
};
