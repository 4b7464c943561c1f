#include "data/pickerchoice.h"

#include "records/recordbrowser.h"

#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QTimer>

namespace modeldesk {

void makeSearchable(QComboBox *combo, std::function<QList<RecordChoice>(const QString &text)> search,
                    std::function<int(QComboBox *)> insertAt) {
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->completer()->setFilterMode(Qt::MatchContains);
    combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    combo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    // A chosen record shows from its start ("name (#key)"), not scrolled to the end of a long UUID key.
    QObject::connect(combo, &QComboBox::currentIndexChanged, combo,
                     [combo] { combo->lineEdit()->setCursorPosition(0); });
    if (!search)
        return;
    auto *typing = new QTimer(combo);
    typing->setSingleShot(true);
    typing->setInterval(250);
    QObject::connect(combo->lineEdit(), &QLineEdit::textEdited, typing, qOverload<>(&QTimer::start));
    QObject::connect(typing, &QTimer::timeout, combo, [combo, search, insertAt] {
        const QString text = combo->lineEdit()->text().trimmed();
        if (text.isEmpty())
            return;
        bool added = false;
        for (const RecordChoice &choice : search(text)) {
            if (combo->findData(choice.key.toVariant()) >= 0)
                continue;
            combo->insertItem(insertAt ? insertAt(combo) : combo->count(), choice.label,
                              choice.key.toVariant());
            added = true;
        }
        if (added && combo->lineEdit()->hasFocus())
            combo->completer()->complete(); // show the new matches under what was typed
    });
}

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
    const Table *table = resolved.tableForModel(model);
    return RecordBrowser::choiceLabel(
        table ? record.value(RecordBrowser::labelAttribute(*table)) : QJsonValue(), key);
}

} // namespace modeldesk
