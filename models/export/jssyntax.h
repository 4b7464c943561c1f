#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace modeldesk::js {

// JavaScript source fragments for the Sequelize exporter. Names in a design are untrusted text (quotes,
// newlines, `'); DROP TABLE x; --`, Unicode), so everything that reaches generated code goes through here.

// A single-quoted string literal: backslash, quote, line terminators (including U+2028/U+2029), control
// characters and unpaired surrogates are escaped, so the literal always ends where it should.
QString stringLiteral(const QString &text);
// True for a name usable bare as an identifier or property name: [A-Za-z_$][A-Za-z0-9_$]* and not a
// reserved word. Deliberately ASCII-only: anything else is quoted, which is always valid.
bool isPlainIdentifier(const QString &name);
bool isReservedWord(const QString &name);
// An object literal key: bare when plain, else a string literal; `__proto__` becomes a computed key,
// because a literal `__proto__:` key would set the prototype instead of adding a property.
QString propertyKey(const QString &name);
// `object.name`, or `object['name']` when the name is not plain.
QString memberAccess(const QString &object, const QString &name);
// A JSON value written as a JavaScript expression (objects with propertyKey keys, strings escaped).
QString value(const QJsonValue &json);
// Text for a `//` comment: line terminators and other control characters become spaces, so a name can
// never end the comment and start code.
QString commentText(const QString &text);
// PascalCase class name from a model name: words split at anything that is not a letter or digit, each
// word capitalized ("testUser" -> "TestUser", "order_item" -> "OrderItem"). Letters outside ASCII are
// kept. Empty when the name has no letter or digit; a leading digit gets an "M" in front.
QString pascalCase(const QString &name);

} // namespace modeldesk::js
