#pragma once

#include "records/recordbrowser.h"
#include "schema/resolvedschema.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <functional>

class QComboBox;

namespace modeldesk {

// Pickers list the first few hundred records by label. A record loaded into the form may link to one beyond
// them; these keep that link visible and selected, since a picker showing "(none)" would save the link away.

// Makes `combo` a picker one can type into: the list shows the entries whose label contains what was typed,
// and a moment after the last key `search(text)` is asked for more (the database's matches beyond the first
// choices), which are added at `insertAt(combo)` when not there yet.
void makeSearchable(QComboBox *combo, std::function<QList<RecordChoice>(const QString &text)> search,
                    std::function<int(QComboBox *)> insertAt);

// Selects the entry with `key` in `combo`, first inserting it at `insertAt` (-1: at the end) with `label`
// when the loaded choices do not hold it. Does nothing for a null key.
void selectChoice(QComboBox *combo, const QJsonValue &key, const QString &label, int insertAt = -1);

// The label a picker shows for `key` of `model`, "name (#12)" as RecordBrowser::choices() makes it, taking
// the name from `record` (the linked record as loaded) when it has one, else "#12".
QString choiceLabel(const ResolvedSchema &resolved, const QString &model, const QJsonValue &key,
                    const QJsonObject &record);

} // namespace modeldesk
