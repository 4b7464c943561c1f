#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QStringView>

namespace modeldesk {

// Compact JSON text written directly, byte for byte as QJsonDocument::toJson(QJsonDocument::Compact) writes
// the same values: strings escaped as Qt escapes them (UTF-8, a lone surrogate as \uXXXX), numbers as Qt
// prints them. For output that would otherwise build a QJsonObject only to print it (a bulk import's saved
// graphs, savedgraphtext.cpp, which orders members as QJsonObject does); tst_jsontext compares it with Qt's
// writer.
namespace JsonText {

void appendString(QByteArray *out, QStringView text);
// A value as Qt's writer prints it (objects and arrays through Qt's writer).
void appendValue(QByteArray *out, const QJsonValue &value);

} // namespace JsonText

} // namespace modeldesk
