#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QStringView>
#include <QVarLengthArray>

namespace modeldesk {

// Compact JSON text written directly, byte for byte as QJsonDocument::toJson(QJsonDocument::Compact) writes
// the same values: members in QJsonObject's key order (UTF-16 code units), a repeated key keeping its last
// value, strings escaped as Qt escapes them, numbers as Qt prints them. For output that would otherwise build
// a QJsonObject only to print it (a bulk import's saved graphs); tst_jsontext compares it with Qt's writer.
namespace JsonText {

void appendString(QByteArray *out, QStringView text);
// A value as Qt's writer prints it (objects and arrays through Qt's writer).
void appendValue(QByteArray *out, const QJsonValue &value);

// One object, written by end(): add members in any order, each value's text appended to value() after
// key().
class Object {
public:
    // Starts a member; its value's text goes to *value() until the next key() or end(). `name` must
    // outlive the object.
    void key(const QString &name);
    QByteArray *value() { return &mValues; }
    void add(const QString &name, const QJsonValue &v) {
        key(name);
        appendValue(&mValues, v);
    }
    void end(QByteArray *out);

private:
    struct Member {
        const QString *name;
        qsizetype begin;
    };
    QVarLengthArray<Member, 16> mMembers;
    QByteArray mValues; // the members' value texts, one after the other
};

} // namespace JsonText

} // namespace modeldesk
