#include "pickerchoice.h"

#include "recordbrowser.h"

#include <QComboBox>

namespace modeldesk {

using namespace Qt::StringLiterals;

void selectChoice(QComboBox *combo, const QJsonValue &key, const QString &label, int insertAt) {
    if (key.isNull() || key.isUndefined())
        return;
    const QVariant data = key.toVariant();
    int index = combo->findData(data);
    if (index < 0) {
        index = insertAt < 0 || insertAt > combo->count() ? combo->count() : insertAt;
        combo->insertItem(index, label, data);
    }
    combo->setCurrentIndex(index);
}

QString choiceLabel(const ResolvedSchema &resolved, const QString &model, const QJsonValue &key,
                    const QJsonObject &record) {
    const QString keyText = key.isString() ? key.toString() : QString::number(key.toInteger());
    const Table *table = resolved.tableForModel(model);
    const QJsonValue name = table ? record.value(RecordBrowser::labelAttribute(*table)) : QJsonValue();
    return name.isString() ? u"%1 (#%2)"_s.arg(name.toString(), keyText) : u"#%1"_s.arg(keyText);
}

} // namespace modeldesk
