#pragma once

#include "import/importchoices.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTableWidget;
class QTreeWidget;

namespace modeldesk {

// The import dialog's last page: the models that will be made (with their tables and fields), the links with
// why each was inferred (the foreign key, the unique index), and what the import could not represent. A
// link's kind (hasOne <-> hasMany) and alias can be changed here; the dialog keeps those choices.
class ImportPreview : public QWidget {
    Q_OBJECT

public:
    explicit ImportPreview(QWidget *parent = nullptr);

    // Shows `result`; `keys` are its links' ImportChoices::linkKey() as inferred (in link order), and
    // `inferred` the links as the inference made them (to know a kind or alias the person changed).
    void setResult(const ImportResult &result, const QStringList &keys, const QList<Link> &inferred);
    // The warnings and the validator's problems of the design as it stands now.
    void setNotes(const QStringList &notes, bool errors);

    QTreeWidget *modelList() const { return mModels; }
    QTableWidget *linkTable() const { return mLinks; }

signals:
    // The person changed a link's kind or alias (the alias follows a kind change unless they named it).
    void linkEdited(const QString &key, const ImportChoices::LinkChoice &choice);

private:
    void rowEdited(int row, int column);

    QLabel *mSummary;
    QTreeWidget *mModels;
    QTableWidget *mLinks;
    QPlainTextEdit *mNotes;
    bool mFilling = false; // setResult() is filling the table: no edits to report
};

} // namespace modeldesk
