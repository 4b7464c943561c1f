#pragma once

#include "resolvedschema.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

class QComboBox;

namespace modeldesk {

// Pickers list the first few hundred records by label. A record loaded into the form may link to one beyond
// them; these keep that link visible and selected, since a picker showing "(none)" would save the link away.

// Selects the entry with `key` in `combo`, first inserting it at `insertAt` (-1: at the end) with `label`
// when the loaded choices do not hold it. Does nothing for a null key.
void selectChoice(QComboBox *combo, const QJsonValue &key, const QString &label, int insertAt = -1);

// The label a picker shows for `key` of `model`, "name (#12)" as RecordBrowser::choices() makes it, taking
// the name from `record` (the linked record as loaded) when it has one, else "#12".
QString choiceLabel(const ResolvedSchema &resolved, const QString &model, const QJsonValue &key,
                    const QJsonObject &record);

} // namespace modeldesk
